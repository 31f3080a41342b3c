/// One glyph as HarfBuzz placed it, in ems, so that any size is a multiplication away.
struct ShapedGlyph {
    var id: UInt32
    /// The UTF-8 offset, within the paragraph, of the first byte of the text this glyph draws.
    var cluster: Int
    /// The index of the glyph's cluster in its run's ``ShapedRun/clusters``; set once the run is shaped.
    var clusterIndex: Int = 0
    var advance: Double
    var xOffset: Double
    var yOffset: Double
}
