extension QRMaskChoice {
    /// The symbol without its mask: function modules as they are, data modules unmasked, format modules light.
    struct UnmaskedSymbol<Line: QRLine> {
        let width: Int
        let patterns: QRMaskPatterns
        var rows: [Line]
        var columns: [Line]
        var dataRows: [Line]
        var dataColumns: [Line]

        /// Reads libqrencode's module bytes eight at a time: bit 0 of each byte says dark, bit 7 that it is not data.
        init(maskZeroModules modules: UnsafeBufferPointer<UInt8>, width: Int) {
            precondition(width < Line.bitWidth && modules.count == width * width)
            self.width = width
            patterns = QRMaskPatterns.forWidth(width)
            rows = [Line](repeating: 0, count: width)
            dataRows = [Line](repeating: 0, count: width)
            let inside: Line = (1 << width) - 1
            let bytes = UnsafeRawBufferPointer(modules)
            for y in 0..<width {
                var dark: Line = 0
                var function: Line = 0
                var x = 0
                while x + 8 <= width {
                    let eight = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: y * width + x, as: UInt64.self))
                    dark |= Line(Self.lowBits(of: eight)) << x
                    function |= Line(Self.lowBits(of: eight >> 7)) << x
                    x += 8
                }
                for column in x..<width {
                    let byte = modules[y * width + column]
                    dark |= Line(byte & 1) << column
                    function |= Line(byte >> 7) << column
                }
                let data = ~function & inside
                // libqrencode applied mask 0 to the data modules: undo it.
                rows[y] = dark ^ data & Line(truncatingIfNeeded: patterns.rows[0][y])
                dataRows[y] = data
            }
            let format = patterns.formatPositions
            for (x, y) in format.first + format.second {
                rows[y] &= ~(1 << x)
            }
            columns = Self.transposed(rows)
            dataColumns = Self.transposed(dataRows)
        }

        /// Bit 0 of each of the eight bytes of `word`, the first byte's lowest: the multiplication moves bit
        /// 8i to bit 56 + i, and no two of its partial products meet, so nothing carries.
        static func lowBits(of word: UInt64) -> UInt64 {
            // Parenthesised: in Swift `>>` binds tighter than `&*`.
            ((word & 0x0101_0101_0101_0101) &* 0x0102_0408_1020_4080) >> 56
        }

        /// The columns of a square of rows as bits: bit `y` of column `x` is bit `x` of row `y`.
        ///
        /// The square, padded to the word's width, is transposed by swapping its off-diagonal halves, then
        /// quarters and so on: log₂ of the width rounds of word operations rather than a step per module.
        static func transposed(_ rows: [Line]) -> [Line] {
            let size = Line.bitWidth
            var square = rows + [Line](repeating: 0, count: size - rows.count)
            square.withUnsafeMutableBufferPointer { square in
                var half = size / 2
                // Bits whose position has bit `half` clear: the low half of each block.
                var low: Line = (1 << half) - 1
                while half > 0 {
                    var row = 0
                    while row < size {
                        let swapped = (square[row] >> half ^ square[row + half]) & low
                        square[row + half] ^= swapped
                        square[row] ^= swapped << half
                        // The next row of the block's upper half: skip the rows of its lower half.
                        row = (row + half + 1) & ~half
                    }
                    half /= 2
                    low ^= low << half
                }
            }
            return Array(square.prefix(rows.count))
        }

        /// The penalty points of the symbol with each of the eight masks.
        func penalties(errorCorrection: QRErrorCorrection) -> [Int] {
            var rows = rows
            var columns = columns
            return (0..<8).map { mask in
                apply(mask, errorCorrection: errorCorrection, rows: &rows, columns: &columns)
                return QRMaskChoice.penalty(rows: rows, columns: columns, width: width)
            }
        }

        /// The symbol with `mask` and the format bits that name it.
        func masked(_ mask: Int, errorCorrection: QRErrorCorrection) -> (rows: [Line], columns: [Line]) {
            var rows = rows
            var columns = columns
            apply(mask, errorCorrection: errorCorrection, rows: &rows, columns: &columns)
            return (rows, columns)
        }

        /// Writes the symbol with `mask` into `maskedRows` and `maskedColumns`, arrays of `width` lines
        /// reused from one mask to the next.
        private func apply(_ mask: Int, errorCorrection: QRErrorCorrection, rows maskedRows: inout [Line], columns maskedColumns: inout [Line]) {
            let rowPattern = patterns.rows[mask]
            let columnPattern = patterns.columns[mask]
            for y in 0..<width { maskedRows[y] = rows[y] ^ dataRows[y] & Line(truncatingIfNeeded: rowPattern[y]) }
            for x in 0..<width { maskedColumns[x] = columns[x] ^ dataColumns[x] & Line(truncatingIfNeeded: columnPattern[x]) }
            let bits = formatBits(errorCorrection, mask: mask)
            let format = patterns.formatPositions
            func darken(_ x: Int, _ y: Int) {
                maskedRows[y] |= 1 << x
                maskedColumns[x] |= 1 << y
            }
            for bit in 0..<15 where bits >> bit & 1 != 0 {
                darken(format.first[bit].0, format.first[bit].1)
                darken(format.second[bit].0, format.second[bit].1)
            }
        }
    }
}
