import Foundation

/// Checks an uploaded picture and removes what could identify where or with what it was taken.
///
/// The file's own bytes decide its type, never its name or the browser's claim. JPEG keeps only
/// what is needed to draw it (tables, frame, scans, colour profile, Adobe colour data) under a
/// fresh JFIF header; Exif (with GPS and camera), XMP, IPTC, comments, thumbnails and anything after
/// the image go. One thing goes with them: the Exif orientation, so a phone photo may need turning.
/// PNG keeps only the chunks that affect how it looks; text, time and Exif chunks go.
enum PhotoCleaner {
    static let maximumBytes = 5 * 1024 * 1024

    enum Problem: Error, Equatable {
        case empty, tooLarge, notAPicture, damaged

        var message: String {
            switch self {
            case .empty: return "Choose a photo to upload"
            case .tooLarge: return "The photo must be smaller than 5 MB"
            case .notAPicture: return "The photo must be a JPEG or PNG file"
            case .damaged: return "The photo could not be read. It may be damaged; try saving it again as a JPEG or PNG"
            }
        }
    }

    struct Cleaned: Equatable {
        let contentType: String
        let data: Data
    }

    static func clean(_ data: Data) throws(Problem) -> Cleaned {
        guard !data.isEmpty else { throw .empty }
        guard data.count <= maximumBytes else { throw .tooLarge }
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            return Cleaned(contentType: "image/jpeg", data: Data(try cleanJPEG(bytes)))
        }
        if bytes.starts(with: pngSignature) {
            return Cleaned(contentType: "image/png", data: Data(try cleanPNG(bytes)))
        }
        throw .notAPicture
    }

    // MARK: JPEG

    /// Segments needed to draw the picture; everything else (Exif, XMP, IPTC, comments, maker
    /// data, thumbnails, extra images) is left out.
    private static let drawingSegments: Set<UInt8> = Set(
        [0xDB, 0xC4, 0xDD, 0xCC] + Array(0xC0...0xCF).filter { ![0xC4, 0xC8, 0xCC].contains($0) })
    private static let iccProfile: [UInt8] = Array("ICC_PROFILE".utf8) + [0]
    private static let adobe: [UInt8] = Array("Adobe".utf8)
    /// A plain JFIF header without a thumbnail.
    private static let minimalJFIF: [UInt8] =
        [0xFF, 0xE0, 0x00, 0x10] + Array("JFIF".utf8) + [0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00]

    /// Walks the file segment by segment, through every scan, and stops at the end of the first
    /// image: anything after it (a second image, a motion-photo video, a maker's trailer) is dropped.
    private static func cleanJPEG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var output: [UInt8] = [0xFF, 0xD8] + minimalJFIF
        var index = 2
        var sawFrame = false
        var sawScan = false
        while index < bytes.count {
            guard bytes[index] == 0xFF else { throw .damaged }
            var markerIndex = index + 1
            while markerIndex < bytes.count, bytes[markerIndex] == 0xFF { markerIndex += 1 }
            guard markerIndex < bytes.count else { throw .damaged }
            let marker = bytes[markerIndex]
            if marker == 0xD9 {
                guard sawFrame, sawScan else { throw .damaged }
                return output + [0xFF, 0xD9]
            }
            guard markerIndex + 2 < bytes.count else { throw .damaged }
            let length = Int(bytes[markerIndex + 1]) << 8 | Int(bytes[markerIndex + 2])
            let end = markerIndex + 1 + length
            guard length >= 2, end <= bytes.count else { throw .damaged }
            let payload = bytes[(markerIndex + 3)..<end]
            if marker == 0xDA {
                // A scan: its header, then entropy-coded data up to the next real marker.
                var scanEnd = end
                while scanEnd + 1 < bytes.count {
                    if bytes[scanEnd] == 0xFF, bytes[scanEnd + 1] != 0x00, !(0xD0...0xD7).contains(bytes[scanEnd + 1]),
                        bytes[scanEnd + 1] != 0xFF
                    {
                        break
                    }
                    scanEnd += 1
                }
                guard scanEnd + 1 < bytes.count else { throw .damaged }
                output += [0xFF, 0xDA] + bytes[(markerIndex + 1)..<scanEnd]
                sawScan = true
                index = scanEnd
                continue
            }
            if drawingSegments.contains(marker) {
                if (0xC0...0xCF).contains(marker) { sawFrame = true }
                output += [0xFF, marker] + bytes[(markerIndex + 1)..<end]
            } else if marker == 0xE2, payload.starts(with: iccProfile) {
                output += [0xFF, marker] + bytes[(markerIndex + 1)..<end]
            } else if marker == 0xEE, payload.starts(with: adobe) {
                output += [0xFF, marker] + bytes[(markerIndex + 1)..<end]
            }
            index = end
        }
        throw .damaged
    }

    // MARK: PNG

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let keptChunks: Set<String> = [
        "IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD",
    ]

    private static func cleanPNG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var output = pngSignature
        var index = pngSignature.count
        var sawHeader = false
        while index + 8 <= bytes.count {
            let length =
                Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8
                | Int(bytes[index + 3])
            let typeBytes = bytes[(index + 4)..<(index + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else {
                throw .damaged
            }
            let type = String(decoding: typeBytes, as: UTF8.self)
            let end = index + 12 + length
            guard length >= 0, end <= bytes.count else { throw .damaged }
            if !sawHeader {
                guard type == "IHDR" else { throw .damaged }
                sawHeader = true
            }
            if keptChunks.contains(type) { output += bytes[index..<end] }
            if type == "IEND" { return output }
            index = end
        }
        throw .damaged
    }
}
