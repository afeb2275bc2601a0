import Foundation

/// Descriptive statistics of a sample of numbers.
///
/// Every function returns `nil` instead of a number when the sample is too small for that
/// statistic, so a caller can never print a value that was not computed.
public enum Descriptive {
    /// The arithmetic mean, summing in the order given; `nil` for an empty sample.
    public static func mean(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        var sum = 0.0
        for value in values { sum += value }
        return sum / Double(values.count)
    }

    /// The sample variance (divisor n − 1), computed in two passes; `nil` under two values.
    public static func variance(_ values: [Double]) -> Double? {
        guard values.count >= 2, let centre = mean(values) else { return nil }
        var sumOfSquares = 0.0
        for value in values {
            let deviation = value - centre
            sumOfSquares += deviation * deviation
        }
        return sumOfSquares / Double(values.count - 1)
    }

    /// The sample standard deviation (divisor n − 1, as numpy's `std(ddof=1)`); `nil` under two values.
    public static func standardDeviation(_ values: [Double]) -> Double? {
        variance(values).map { $0.squareRoot() }
    }

    /// The median: the middle value, or the mean of the two middle values (as `numpy.median`);
    /// `nil` for an empty sample.
    public static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        return (sorted[middle - 1] + sorted[middle]) / 2
    }

    /// The quantile at probability `p` (0…1), by linear interpolation between order statistics:
    /// Hyndman and Fan's type 7, the default of R's `quantile` and of `numpy.quantile`
    /// (`method="linear"`). With the values sorted as x₀ ≤ … ≤ xₙ₋₁, h = (n − 1)·p and
    /// Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋); the interpolation is written the way numpy's
    /// `_lerp` writes it so results agree to the last bit or two.
    /// Returns `nil` for an empty sample or a `p` outside 0…1.
    public static func quantile(_ values: [Double], p: Double) -> Double? {
        quantile(sorted: values.sorted(), p: p)
    }

    /// ``quantile(_:p:)`` for values already sorted in ascending order.
    public static func quantile(sorted values: [Double], p: Double) -> Double? {
        guard !values.isEmpty, p >= 0, p <= 1 else { return nil }
        let virtualIndex = Double(values.count - 1) * p
        let lowerIndex = Int(virtualIndex.rounded(.down))
        let upperIndex = min(lowerIndex + 1, values.count - 1)
        let gamma = virtualIndex - Double(lowerIndex)
        return lerp(values[lowerIndex], values[upperIndex], gamma)
    }

    /// numpy's `_lerp`: a + (b − a)·t, computed from the nearer end for t ≥ 0.5.
    static func lerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let difference = b - a
        if t >= 0.5 { return b - difference * (1 - t) }
        return a + difference * t
    }
}
