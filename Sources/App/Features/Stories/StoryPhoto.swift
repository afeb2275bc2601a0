import Fluent
import Foundation
import Vapor

/// A story's photo: JPEG or PNG, stored without location, camera or other metadata.
final class StoryPhoto: Model, @unchecked Sendable {
    static let schema = "story_photos"

    @ID(key: .id) var id: UUID?
    @Parent(key: "story_id") var story: Story
    @Field(key: "content_type") var contentType: String
    @Field(key: "data") var data: Data

    init() {}

    init(storyID: UUID, contentType: String, data: Data) {
        self.$story.id = storyID
        self.contentType = contentType
        self.data = data
    }
}

/// Checks an uploaded picture and removes what could identify where or with what it was taken.
///
/// The file's own bytes decide its type, never its name or the browser's claim. JPEG keeps only
/// the segments needed to draw it (JFIF, colour profile, Adobe colour data); Exif (with GPS and
/// camera), XMP, IPTC and comments go. PNG keeps only the chunks that affect how it looks; text,
/// time and Exif chunks go.
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

    /// APP0 (JFIF), APP2 (ICC colour profile) and APP14 (Adobe colour transform) are kept.
    private static let keptApplicationSegments: Set<UInt8> = [0xE0, 0xE2, 0xEE]

    private static func cleanJPEG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var output: [UInt8] = [0xFF, 0xD8]
        var index = 2
        while index < bytes.count {
            guard bytes[index] == 0xFF else { throw .damaged }
            // Fill bytes (0xFF repeated) may precede a marker.
            var markerIndex = index + 1
            while markerIndex < bytes.count, bytes[markerIndex] == 0xFF { markerIndex += 1 }
            guard markerIndex < bytes.count else { throw .damaged }
            let marker = bytes[markerIndex]
            if marker == 0xD9 { output += [0xFF, 0xD9]; return output }
            // Markers without a length: restart markers and TEM.
            if (0xD0...0xD7).contains(marker) || marker == 0x01 {
                output += [0xFF, marker]
                index = markerIndex + 1
                continue
            }
            guard markerIndex + 2 < bytes.count else { throw .damaged }
            let length = Int(bytes[markerIndex + 1]) << 8 | Int(bytes[markerIndex + 2])
            let end = markerIndex + 1 + length
            guard length >= 2, end <= bytes.count else { throw .damaged }
            if marker == 0xDA {
                // Start of scan: the picture data follows to the end; metadata never lives inside it.
                output += bytes[index..<bytes.count]
                return output
            }
            let isApplicationSegment = (0xE0...0xEF).contains(marker)
            let isComment = marker == 0xFE
            if !(isComment || (isApplicationSegment && !keptApplicationSegments.contains(marker))) {
                output += [0xFF, marker]
                output += bytes[(markerIndex + 1)..<end]
            }
            index = end
        }
        throw .damaged
    }

    // MARK: PNG

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    private static let keptChunks: Set<String> = ["IHDR", "PLTE", "IDAT", "IEND", "tRNS", "gAMA", "cHRM", "sRGB", "iCCP", "sBIT", "pHYs", "bKGD"]

    private static func cleanPNG(_ bytes: [UInt8]) throws(Problem) -> [UInt8] {
        var output = pngSignature
        var index = pngSignature.count
        var sawHeader = false
        while index + 8 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let typeBytes = bytes[(index + 4)..<(index + 8)]
            guard typeBytes.allSatisfy({ (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }) else { throw .damaged }
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
