import Foundation

/// The document information a PDF reader shows: title, author, subject, keywords, creator and creation date.
public struct PDFMetadata: Hashable, Sendable {
    public var title: String?
    public var author: String?
    public var subject: String?
    public var keywords: [String]
    /// The program that made the document, such as `Malaka 1.0`.
    public var creator: String?
    /// When the document was made; nil lets cairo write the current time.
    public var creationDate: Date?

    public init(
        title: String? = nil,
        author: String? = nil,
        subject: String? = nil,
        keywords: [String] = [],
        creator: String? = nil,
        creationDate: Date? = nil
    ) {
        self.title = title
        self.author = author
        self.subject = subject
        self.keywords = keywords
        self.creator = creator
        self.creationDate = creationDate
    }
}
