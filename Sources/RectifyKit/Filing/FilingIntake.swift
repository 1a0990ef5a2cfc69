import Foundation
import RectifyCore
import RectifyXML

/// What `validate` and `import` were given, grouped into filings. A campaign filing is a folder with its
/// `manifest.xml`: the manifest is read first, and every file it lists (through its parts) is checked against the
/// listed SHA-256 and size; the filing is accepted whole or not at all. Everything else stands alone: a statistics
/// report or a receipt is checked by itself; a case file outside any manifest is accepted only when the caller asked
/// for it (`--loose`). Only regular files are read: links, FIFOs, devices and folders named `.xml` are reported and
/// skipped.
struct FilingPlan {
    struct Campaign {
        var manifest: String
        var folder: String
        /// Other XML files found beside the manifest: parts and listed files are taken out when the manifest is read.
        var beside: [String]
    }

    var campaigns: [Campaign] = []
    var singles: [String] = []
    /// Files found in a folder without a manifest (an interrupted export?), as against files named one by one.
    var foundInFolder: Set<String> = []
    var skipped: [(path: String, problem: XMLError)] = []

    init(paths: [String]) throws {
        var explicitFiles: [String] = []
        for path in paths {
            guard let status = FileStatus(path: path) else {
                skipped.append((path, XMLError(file: path, chinese: "文件或目录不存在", english: "no such file or folder")))
                continue
            }
            if status.isFolder {
                try addFolder(path)
            } else {
                explicitFiles.append(path)
            }
        }
        // A manifest named on the command line brings its filing; files beside it named too belong to it.
        let manifests = explicitFiles.filter { ($0 as NSString).lastPathComponent == "manifest.xml" }
        for manifest in manifests {
            campaigns.append(Campaign(manifest: manifest, folder: (manifest as NSString).deletingLastPathComponent, beside: []))
        }
        let manifestFolders = Set(manifests.map { ($0 as NSString).deletingLastPathComponent })
        for file in explicitFiles where !manifests.contains(file) {
            if manifestFolders.contains((file as NSString).deletingLastPathComponent) { continue }
            singles.append(file)
        }
    }

    private mutating func addFolder(_ folder: String) throws {
        let names: [String]
        do { names = try FileManager.default.contentsOfDirectory(atPath: folder) } catch {
            throw NotFoundError("目录", "folder", key: folder)
        }
        var regular: [String] = []
        for name in names.sorted() where name.hasSuffix(".xml") {
            let path = (folder as NSString).appendingPathComponent(name)
            guard let status = FileStatus(path: path) else { continue }
            if status.isRegular {
                regular.append(path)
            } else {
                let what = status.isLink ? ("符号链接", "a symbolic link") : (XMLDocument.kindLabel(of: status.mode))
                skipped.append((path, XMLError(file: path, chinese: "不是普通文件（\(what.0)），已跳过", english: "not a regular file (\(what.1)): skipped")))
            }
        }
        let manifest = (folder as NSString).appendingPathComponent("manifest.xml")
        if regular.contains(manifest) {
            campaigns.append(Campaign(manifest: manifest, folder: folder, beside: regular.filter { $0 != manifest }))
        } else {
            singles += regular
            foundInFolder.formUnion(regular)
        }
    }
}

/// One file's fate in a validation or an import.
public struct FileOutcome: Codable, Sendable, Equatable {
    public enum Result: String, Codable, Sendable {
        /// Checked and acceptable (validation only: nothing is written).
        case valid
        case imported = "new", replaced, unchanged, olderKept = "older-kept", manifestChecked = "manifest-checked",
             reportChecked = "report-checked", refused
    }

    public var path: String
    public var result: Result
    public var caseNumber: String?
    public var sha256: String?
    public var size: Int?
    public var problems: [String]
}

public typealias ImportOutcome = FileOutcome

/// Runs the checks of a plan, and for an import its writes: a campaign filing in one transaction that is rolled back
/// if any of its files is refused.
struct FilingIntake {
    let validators: PerWorker<FilingValidator>
    let sizeLimit: Int
    let loose: Bool
    /// False for a validation: nothing is stored, and acceptable files are reported as valid.
    let writing: Bool
    /// Told after each batch of a filing's case files: how many are done, of how many.
    var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    /// Writes one checked case file; nil for a validation.
    typealias Store = (_ path: String, _ check: CheckedFiling) throws -> FileOutcome.Result
    /// Runs `body` as one all-or-nothing unit (a write transaction), or just runs it.
    typealias Unit = (_ body: (Store?) throws -> Void) throws -> Void

    struct FilingRefused: Error {}

    static let wholeFilingRefused = "整个报送未被接受：清单或其所列的其他文件未通过校验，本文件未导入 / the filing was refused as a whole: its manifest or another file it lists failed, so this file was not imported"

    func run(_ plan: FilingPlan, unit: Unit) throws -> [FileOutcome] {
        var outcomes = plan.skipped.map { FileOutcome(path: $0.path, result: .refused, problems: [Self.line($0.problem)]) }
        var listedEverywhere = Set<String>()
        var singles = plan.singles
        for campaign in plan.campaigns {
            let (filed, listed) = try runCampaign(campaign, unit: unit)
            outcomes += filed
            listedEverywhere.formUnion(listed)
            singles += campaign.beside.filter { !listed.contains($0) }
        }
        for single in singles where !listedEverywhere.contains(single) {
            // Validating a case file named by itself needs no manifest; importing it, or finding it in a folder
            // without one, does.
            let needsManifest = writing || plan.foundInFolder.contains(single) || plan.campaigns.contains { $0.beside.contains(single) }
            outcomes.append(try runSingle(single, needsManifest: needsManifest, unit: unit))
        }
        return outcomes
    }

    static func line(_ error: XMLError) -> String { "\(error.chinese) / \(error.english)" }

    private func refused(_ path: String, _ check: CheckedFiling?, _ problems: [String]) -> FileOutcome {
        FileOutcome(path: path, result: .refused, caseNumber: nil, sha256: check.flatMap { $0.sha256.isEmpty ? nil : $0.sha256 },
                    size: check.flatMap { $0.sha256.isEmpty ? nil : $0.size }, problems: problems)
    }

    private func runSingle(_ path: String, needsManifest: Bool, unit: Unit) throws -> FileOutcome {
        let check = CheckedFiling(validators[0].validated(path: path, sizeLimit: sizeLimit))
        guard check.result.isValid, let kind = check.kind else {
            return refused(path, check, check.result.problems.map(Self.line))
        }
        switch kind {
        case .report: return outcome(path, check, .reportChecked)
        case .receipt, .manifest, .checkpoint: return outcome(path, check, writing ? .manifestChecked : .valid)
        case .caseFile:
            guard loose || !needsManifest else {
                return refused(path, check, [Self.line(XMLError(
                    file: path, chinese: "案卷文件不在任何报送清单（manifest.xml）中：整个报送须连同清单一起提交（导出被中断？）；确需逐个接收请加 --loose",
                    english: "the case file is not listed by any manifest (manifest.xml): a filing is sent whole with its manifest (an interrupted export?); add --loose to accept case files one by one"))])
            }
            var result = FileOutcome.Result.valid
            try unit { store in if let store { result = try store(path, check) } }
            return outcome(path, check, result)
        }
    }

    private func outcome(_ path: String, _ check: CheckedFiling, _ result: FileOutcome.Result) -> FileOutcome {
        FileOutcome(path: path, result: result, caseNumber: check.caseNumber, sha256: check.sha256, size: check.size, problems: [])
    }

    /// The manifest, then every file it lists, in one unit. Returns the outcomes and the paths the manifest accounts
    /// for (its parts and listed files).
    private func runCampaign(_ campaign: FilingPlan.Campaign, unit: Unit) throws -> ([FileOutcome], Set<String>) {
        let validator = validators[0]
        let manifestCheck = validator.validated(path: campaign.manifest, sizeLimit: sizeLimit)
        var listing = ManifestListing(problems: manifestCheck.result.problems)
        if manifestCheck.result.isValid, let document = manifestCheck.document {
            listing = ManifestListing.read(document, folder: campaign.folder, validator: validator, signer: manifestCheck.signer,
                                           sizeLimit: sizeLimit)
            if manifestCheck.format?.kind != .manifest {
                listing.problems.append(XMLError(file: campaign.manifest, chinese: "manifest.xml 不是报送清单", english: "manifest.xml is not a manifest"))
            }
        }
        let accounted = Set(listing.parts.map(\.path) + listing.files.map(\.path))
        let manifestSha = manifestCheck.sha256.isEmpty ? nil : manifestCheck.sha256
        guard listing.problems.isEmpty else {
            var outcomes = [FileOutcome(path: campaign.manifest, result: .refused, sha256: manifestSha,
                                        size: manifestSha == nil ? nil : manifestCheck.size, problems: listing.problems.map(Self.line))]
            outcomes += listing.files.map { FileOutcome(path: $0.path, result: .refused, problems: [Self.wholeFilingRefused]) }
            // Without a readable listing, the files beside it cannot be told apart: all of them stay out.
            if listing.files.isEmpty {
                outcomes += campaign.beside.map { FileOutcome(path: $0, result: .refused, problems: [Self.wholeFilingRefused]) }
                return (outcomes, Set(campaign.beside))
            }
            return (outcomes, accounted)
        }
        var outcomes = [FileOutcome(path: campaign.manifest, result: writing ? .manifestChecked : .valid, sha256: manifestSha,
                                    size: manifestCheck.size, problems: [])]
        outcomes += listing.parts.map { FileOutcome(path: $0.path, result: writing ? .manifestChecked : .valid, sha256: $0.sha256, size: $0.size, problems: []) }
        var fileOutcomes: [FileOutcome] = []
        var anyRefused = false
        let files = listing.files
        let expectedCampaign = listing.campaign
        let expectedSigner = manifestCheck.signer
        let batches = stride(from: 0, to: files.count, by: Self.batch).map { Array(files[$0..<min($0 + Self.batch, files.count)]) }
        do {
            try unit { store in
                // The next batch is checked on every core while this one is written.
                try Parallel.pipeline(batches.count, produce: { index in
                    try Parallel.map(batches[index].count) { worker, item in
                        let entry = batches[index][item]
                        return CheckedFiling(validators[worker].validated(path: entry.path, sizeLimit: sizeLimit,
                                                                         listed: (entry.sha256, entry.size)),
                                             expectedCampaign: expectedCampaign, expectedSigner: expectedSigner)
                    }
                }, consume: { index, checked in
                    for (entry, check) in zip(batches[index], checked) {
                        guard check.result.isValid, check.kind == .caseFile else {
                            anyRefused = true
                            var problems = check.result.problems.map(Self.line)
                            if problems.isEmpty { problems = ["清单所列文件不是案卷 / a listed file is not a case file"] }
                            fileOutcomes.append(refused(entry.path, check, problems))
                            continue
                        }
                        var result = FileOutcome.Result.valid
                        if !anyRefused, let store { result = try store(entry.path, check) }
                        fileOutcomes.append(outcome(entry.path, check, result))
                    }
                    progress?(fileOutcomes.count, files.count)
                })
                if anyRefused { throw FilingRefused() }
            }
        } catch is FilingRefused {
            fileOutcomes = fileOutcomes.map { outcome in
                guard outcome.result != .refused else { return outcome }
                var refused = outcome
                refused.result = .refused
                refused.problems = [Self.wholeFilingRefused]
                return refused
            }
            outcomes[0].result = .refused
            outcomes[0].problems = ["报送清单所列文件中有未通过校验的，整个报送未被接受 / files the manifest lists failed: the filing was refused as a whole"]
        }
        return (outcomes + fileOutcomes, accounted)
    }

    /// Files checked at a time before their writes.
    static let batch = 64
}

/// What a valid manifest lists: its parts and the case files, each with the SHA-256 and size it gives.
struct ManifestListing {
    struct Entry {
        var path: String
        var sha256: String
        var size: Int
    }

    var campaign: String?
    var parts: [Entry] = []
    var files: [Entry] = []
    var problems: [XMLError]

    init(problems: [XMLError]) { self.problems = problems }

    /// Entries are read by their exact path under the root; a manifest either lists its parts or its files.
    static func read(_ document: XMLDocument, folder: String, validator: FilingValidator, signer: TrustedSigner?,
                     sizeLimit: Int) -> ManifestListing {
        var listing = ManifestListing(problems: [])
        guard let root = document.rootElement else { return listing }
        let ns = root.namespace
        listing.campaign = root.child("整治代码", namespace: ns)?.text
        func entries(_ element: XMLElementRef, _ name: String) -> [Entry] {
            element.children(name, namespace: element.namespace).map {
                Entry(path: (folder as NSString).appendingPathComponent($0.attribute("计算机文件名") ?? ""),
                      sha256: $0.attribute("SHA256") ?? "", size: Int($0.attribute("计算机文件大小") ?? "") ?? -1)
            }
        }
        listing.files = entries(root, "文件")
        listing.parts = entries(root, "分卷")
        var total = 0
        var allPartsRead = true
        for (part, element) in zip(listing.parts, root.children("分卷", namespace: ns)) {
            let check = validator.validated(path: part.path, sizeLimit: sizeLimit, listed: (part.sha256, part.size))
            listing.problems += check.result.problems
            guard check.result.isValid, let partRoot = check.document?.rootElement else {
                allPartsRead = false
                continue
            }
            if check.format?.kind != .manifest || check.signer?.divisionCode != signer?.divisionCode
                || partRoot.child("整治代码", namespace: partRoot.namespace)?.text != listing.campaign {
                listing.problems.append(XMLError(file: part.path, chinese: "分卷不是同一机关同一专项整治的报送清单",
                                                 english: "the part is not a manifest of the same agency and campaign"))
                continue
            }
            let listed = entries(partRoot, "文件")
            if String(listed.count) != element.attribute("文件数") {
                listing.problems.append(XMLError(file: document.path, line: element.line,
                                                 chinese: "分卷\((part.path as NSString).lastPathComponent)列出\(listed.count)个文件，与清单不符",
                                                 english: "part \((part.path as NSString).lastPathComponent) lists \(listed.count) files, not the number in the manifest"))
            }
            total += listed.count
            listing.files += listed
        }
        if allPartsRead, !listing.parts.isEmpty, let stated = root.child("文件总数", namespace: ns), stated.text != String(total) {
            listing.problems.append(XMLError(file: document.path, line: stated.line, chinese: "文件总数与各分卷合计\(total)不符",
                                             english: "the total does not match the parts' \(total) files"))
        }
        return listing
    }
}
