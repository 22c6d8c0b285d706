/// A title phrase such as `Senior Manager`, split into lowercase ASCII words.
///
/// A word is a run of ASCII letters and digits; bytes of non-ASCII characters
/// count as word characters too, so `Directeur·rice` stays one word. Case
/// folding covers ASCII letters only.
struct TitlePhrase: Sendable, Equatable {
    let words: [[UInt8]]

    init(_ text: String) {
        var words: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in text.utf8 {
            if TitlePhrase.isWordByte(byte) {
                current.append(TitlePhrase.lowercased(byte))
            } else if !current.isEmpty {
                words.append(current)
                current = []
            }
        }
        if !current.isEmpty {
            words.append(current)
        }
        self.words = words
    }

    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), 0x80...0xFF:
            true
        default:
            false
        }
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
    }

    /// Returns the offset just past the phrase when it occurs at `start`, a word
    /// start in `title`, or nil. Words in the title may be separated by any run
    /// of non-word bytes: `Senior-Manager` matches `Senior Manager`.
    func end(matchingAt start: Int, in title: UnsafeBufferPointer<UInt8>) -> Int? {
        var position = start
        for (index, word) in words.enumerated() {
            if index > 0 {
                while position < title.count, !TitlePhrase.isWordByte(title[position]) {
                    position += 1
                }
            }
            guard title.count - position >= word.count else { return nil }
            for offset in 0..<word.count where TitlePhrase.lowercased(title[position + offset]) != word[offset] {
                return nil
            }
            position += word.count
            if position < title.count, TitlePhrase.isWordByte(title[position]) {
                return nil
            }
        }
        return position
    }
}

/// Matches job titles against one role tier's phrases on UTF-8 bytes, without
/// building strings: case-insensitive, on whole words, and ignoring a phrase
/// where one of the excluded phrases covers it.
struct TitleMatcher: Sendable, Equatable {
    let phrases: [TitlePhrase]
    let excluded: [TitlePhrase]
    /// For each lowercase first byte, whether any phrase starts with it: most
    /// word starts of a title are rejected with one load.
    private let startsPhrase: [Bool]

    init(titles: [String], excluded: [String]) {
        phrases = titles.map(TitlePhrase.init).filter { !$0.words.isEmpty }
        self.excluded = excluded.map(TitlePhrase.init).filter { !$0.words.isEmpty }
        var starts = [Bool](repeating: false, count: 256)
        for phrase in phrases {
            starts[Int(phrase.words[0][0])] = true
        }
        startsPhrase = starts
    }

    /// Returns true when `title` contains one of the phrases outside every excluded phrase.
    func matches(_ title: String) -> Bool {
        // `withUTF8` reads a native string in place and copies a small one to the
        // stack, where `utf8.withContiguousStorageIfAvailable` would return nil.
        var title = title
        return title.withUTF8 { matches(bytes: $0) }
    }

    private func matches(bytes title: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = 0
        while start < title.count {
            if startsPhrase[Int(TitlePhrase.lowercased(title[start]))], Self.isWordStart(start, in: title) {
                for phrase in phrases where phrase.words[0][0] == TitlePhrase.lowercased(title[start]) {
                    if let end = phrase.end(matchingAt: start, in: title), !isExcluded(start..<end, in: title) {
                        return true
                    }
                }
            }
            start += 1
        }
        return false
    }

    /// Returns true when an excluded phrase occurs over the whole of `range`.
    private func isExcluded(_ range: Range<Int>, in title: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !excluded.isEmpty else { return false }
        var start = 0
        while start <= range.lowerBound {
            if Self.isWordStart(start, in: title) {
                for phrase in excluded {
                    if let end = phrase.end(matchingAt: start, in: title), end >= range.upperBound {
                        return true
                    }
                }
            }
            start += 1
        }
        return false
    }

    @inline(__always)
    private static func isWordStart(_ offset: Int, in title: UnsafeBufferPointer<UInt8>) -> Bool {
        TitlePhrase.isWordByte(title[offset]) && (offset == 0 || !TitlePhrase.isWordByte(title[offset - 1]))
    }
}
