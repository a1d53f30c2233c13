import GazetteContent

extension PublishingService {
    /// An image chosen in the editor as the article's featured image, before the article is saved.
    package struct FeaturedImageUpload: Sendable {
        package var bytes: [UInt8]
        package var fileName: String
        package var text: MediaText

        package init(bytes: [UInt8], fileName: String, text: MediaText) {
            self.bytes = bytes
            self.fileName = fileName
            self.text = text
        }
    }

    /// The first step of saving an article with a new featured image: the image goes into the library (and
    /// stays there even if the article then fails to save, so it is never uploaded twice) and its address is
    /// returned for the article's image field. Refusals come back as `ValidationErrors` on the editor's
    /// fields: `image_file` for the file, `image_alt` for its alternative text.
    package func uploadFeaturedImage(_ upload: FeaturedImageUpload, by person: Author) async throws -> String {
        try await uploadImage(upload, by: person, fileField: "image_file", altField: "image_alt")
    }

    /// An image uploaded from the editor (featured, or inserted in the body): into the library once, its
    /// address returned; refusals name the editor's `fileField` and `altField`.
    package func uploadImage(
        _ upload: FeaturedImageUpload, by person: Author, fileField: String, altField: String
    ) async throws -> String {
        var problems = ValidationErrors()
        guard person.role.can(.uploadMedia) else {
            problems.add(fileField, "Your role cannot upload images; an author or an editor can.")
            throw problems
        }
        guard let media else {
            throw ValidationErrors([ValidationIssue(field: fileField, message: "Images cannot be uploaded here.")])
        }
        do {
            let item = try await media.upload(
                upload.bytes, originalName: upload.fileName, text: upload.text, uploadedBy: person.id)
            return SiteURL.media(item.path)
        } catch let refusal as MediaRefusal {
            problems.add(fileField, refusal.message)
        } catch let errors as ValidationErrors {
            for issue in errors.issues {
                problems.add(issue.field == "alt" ? altField : fileField, issue.message)
            }
            problems.add(fileField, "Choose the image again after writing its alternative text.")
        }
        throw problems
    }
}
