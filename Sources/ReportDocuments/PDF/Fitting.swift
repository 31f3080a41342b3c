import Typesetting

extension FontLibrary {
    /// `text` laid out in `box` with `style`, shrunk as the style allows and, if it still does not
    /// fit, shortened with an ellipsis: a layout that always fits, so that nothing overflows its box.
    ///
    /// An infinitely tall box only limits the width; the text then wraps and never needs shortening.
    func fitted(_ text: String, style: TextStyle, in box: Size) throws -> TextLayout {
        let layout = try layout(text, style: style, in: box)
        if layout.fits || text.isEmpty { return layout }
        // Keep the longest prefix that fits with an ellipsis, found by halving.
        let characters = Array(text)
        var fitting = 0
        var tooLong = characters.count
        var best = try self.layout("…", style: style, in: box)
        while tooLong - fitting > 1 {
            let middle = (fitting + tooLong) / 2
            let candidate = try self.layout(String(characters[..<middle]).trimmingTrailingSpaces + "…", style: style, in: box)
            if candidate.fits {
                fitting = middle
                best = candidate
            } else {
                tooLong = middle
            }
        }
        return best
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var text = self
        while text.last?.isWhitespace == true { text.removeLast() }
        return text
    }
}
