/// A JSON number as read: its nearest Double, and its exact value when it was
/// written as an integer that fits in 64 bits.
struct JSONNumber: Sendable, Equatable {
    let value: Double
    /// The exact value of an integer literal (no fraction, no exponent) that fits in an `Int64`.
    let integerLiteral: Int64?

    /// The value as an integer when it has no fractional part and is exactly
    /// representable, so `5`, `5.0` and `5e0` all give 5 (as JSON Schema's `integer` type does).
    var integralValue: Int? {
        if let integerLiteral { return Int(integerLiteral) }
        guard value.rounded(.towardZero) == value, abs(value) <= 9_007_199_254_740_992 else { return nil }
        return Int(value)
    }
}

/// Powers of ten that a Double holds exactly (10^0 through 10^22).
private let exactPowersOfTen: [Double] = (0...22).map { exponent in
    var value = 1.0
    for _ in 0..<exponent { value *= 10 }
    return value
}

extension JSONReader {
    /// Reads a number in RFC 8259 grammar: `-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`.
    ///
    /// Numbers of at most 19 significant digits whose decimal exponent is within
    /// ±22 convert exactly with one multiplication or division; others go
    /// through the standard library's correctly rounded conversion.
    ///
    /// - Throws: `JSONSyntaxError` for a leading zero, a missing digit, or a
    ///   magnitude too large for a Double.
    mutating func readNumber() throws(JSONSyntaxError) -> JSONNumber {
        skipWhitespace()
        let start = position
        var isNegative = false
        if position < buffer.count && buffer[position] == UInt8(ascii: "-") {
            isNegative = true
            position += 1
        }

        var mantissa: UInt64 = 0
        var digitCount = 0
        guard position < buffer.count, isDigit(buffer[position]) else {
            throw error("expected a digit in a number")
        }
        if buffer[position] == UInt8(ascii: "0") {
            position += 1
            if position < buffer.count && isDigit(buffer[position]) {
                throw error("leading zero in a number", at: start)
            }
        } else {
            while position < buffer.count && isDigit(buffer[position]) {
                mantissa = mantissa &* 10 &+ UInt64(buffer[position] - UInt8(ascii: "0"))
                digitCount += 1
                position += 1
            }
        }

        var isIntegerLiteral = true
        var decimalExponent = 0
        if position < buffer.count && buffer[position] == UInt8(ascii: ".") {
            isIntegerLiteral = false
            position += 1
            guard position < buffer.count, isDigit(buffer[position]) else {
                throw error("expected a digit after the decimal point")
            }
            while position < buffer.count && isDigit(buffer[position]) {
                mantissa = mantissa &* 10 &+ UInt64(buffer[position] - UInt8(ascii: "0"))
                digitCount += 1
                decimalExponent -= 1
                position += 1
            }
        }

        if position < buffer.count && (buffer[position] | 0x20) == UInt8(ascii: "e") {
            isIntegerLiteral = false
            position += 1
            var exponentIsNegative = false
            if position < buffer.count && (buffer[position] == UInt8(ascii: "+") || buffer[position] == UInt8(ascii: "-")) {
                exponentIsNegative = buffer[position] == UInt8(ascii: "-")
                position += 1
            }
            guard position < buffer.count, isDigit(buffer[position]) else {
                throw error("expected a digit in the exponent")
            }
            var exponent = 0
            while position < buffer.count && isDigit(buffer[position]) {
                // Clamp: any exponent beyond this is out of Double's range either way.
                exponent = min(exponent * 10 + Int(buffer[position] - UInt8(ascii: "0")), 100_000)
                position += 1
            }
            decimalExponent += exponentIsNegative ? -exponent : exponent
        }

        // Leading zeros of a fraction (0.000123) add digits but not magnitude, so 19 digits always fit in UInt64.
        if digitCount <= 19 && mantissa <= 1 << 53 && abs(decimalExponent) <= 22 {
            var value = Double(mantissa)
            if decimalExponent < 0 {
                value /= exactPowersOfTen[-decimalExponent]
            } else {
                value *= exactPowersOfTen[decimalExponent]
            }
            if isNegative { value = -value }
            let literal = isIntegerLiteral ? exactInteger(mantissa, digitCount: digitCount, isNegative: isNegative) : nil
            return JSONNumber(value: value, integerLiteral: literal)
        }

        let text = String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is out of range", at: start)
        }
        let literal = isIntegerLiteral ? exactInteger(mantissa, digitCount: digitCount, isNegative: isNegative) : nil
        return JSONNumber(value: value, integerLiteral: literal)
    }
}

/// Returns the integer that `digitCount` decimal digits with value `mantissa`
/// spell, or nil when it does not fit in an `Int64`. Up to 19 digits, the
/// mantissa was accumulated without wrapping, because 10^19 < 2^64.
private func exactInteger(_ mantissa: UInt64, digitCount: Int, isNegative: Bool) -> Int64? {
    guard digitCount <= 19 else { return nil }
    if isNegative {
        guard mantissa <= Int64.min.magnitude else { return nil }
        return Int64(truncatingIfNeeded: 0 &- mantissa)
    }
    guard mantissa <= UInt64(Int64.max) else { return nil }
    return Int64(mantissa)
}

@inline(__always)
private func isDigit(_ byte: UInt8) -> Bool {
    byte &- UInt8(ascii: "0") < 10
}
