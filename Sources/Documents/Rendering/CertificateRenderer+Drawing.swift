import Typesetting

extension CertificateRenderer {
    /// Draws the whole certificate on `canvas`: what it shares with the event's other certificates, then its own parts.
    func draw(_ prepared: PreparedPage, on canvas: Canvas, worker: RenderingWorker) throws {
        try drawShared(prepared.page, on: canvas, worker: worker)
        try drawOwn(prepared, on: canvas, worker: worker)
    }

    /// Draws what every certificate of the same event, template and language prints alike: the
    /// background, frames, rules, images, signature lines and every text without a per-certificate value.
    ///
    /// A bundle records this once as a ``PageLayer`` (see ``CertificatePage/sharedKey``) and refers to it from each page.
    func drawShared(_ page: CertificatePage, on canvas: Canvas, worker: RenderingWorker) throws {
        let template = page.template
        let size = template.page
        if let background = template.background {
            try canvas.drawRectangle(Rect(x: 0, y: 0, width: size.width, height: size.height), fill: background)
        }
        for frame in template.frames {
            let inset = frame.inset
            try canvas.drawRectangle(Rect(x: inset, y: inset, width: size.width - 2 * inset, height: size.height - 2 * inset),
                                     stroke: frame.colour, lineWidth: frame.width, cornerRadius: frame.radius)
        }
        for rectangle in template.rectangles {
            try canvas.drawRectangle(rectangle.box, fill: rectangle.fill, stroke: rectangle.stroke,
                                     lineWidth: rectangle.width, cornerRadius: rectangle.radius)
        }
        for line in template.lines {
            try canvas.drawLine(from: line.from, to: line.to, color: line.colour, width: line.width, dash: line.dash)
        }
        for image in template.images {
            let png = try worker.images.image(at: image.url)
            let box = image.box
            if image.rotation == 0 {
                try canvas.drawImage(png, in: box)
            } else {
                let turned = image.rotation % 180 == 90
                let inner = turned
                    ? Rect(x: box.midX - box.height / 2, y: box.midY - box.width / 2, width: box.height, height: box.width)
                    : box
                try canvas.rotated(by: Double(image.rotation), around: Point(x: box.midX, y: box.midY)) {
                    try $0.drawImage(png, in: inner)
                }
            }
        }
        if let style = template.signatoryStyle {
            for line in page.signatureLines {
                try canvas.drawLine(from: line.from, to: line.to, color: style.lineColour, width: style.lineWidth)
            }
        }
        for text in page.texts where text.repeats {
            try canvas.draw(worker.fonts.layout(text.text, style: text.style, in: text.box.size, remember: true), in: text.box)
        }
    }

    /// Draws the certificate's own parts: the texts with a per-certificate value (name, serial, check
    /// code…) and the QR code.
    func drawOwn(_ prepared: PreparedPage, on canvas: Canvas, worker: RenderingWorker) throws {
        for text in prepared.page.texts where !text.repeats {
            try canvas.draw(ownLayout(of: text, page: prepared.page, worker: worker), in: text.box)
        }
        if let settings = prepared.page.template.qrCode, let code = prepared.qrCode {
            try canvas.drawQRCode(code, in: settings.box, color: settings.colour, quietZone: settings.quietZone)
        }
    }
}
