import RectifyXML

/// The formats a superior receives, in each version still read: a file is one of them by its root element and
/// namespace, and is checked against that version's schema.
enum FilingFormat: CaseIterable, Hashable {
    case caseFile, caseFileV1, manifest, manifestV1, report, reportV1, receipt, checkpoint

    enum Kind { case caseFile, manifest, report, receipt, checkpoint }

    var kind: Kind {
        switch self {
        case .caseFile, .caseFileV1: .caseFile
        case .manifest, .manifestV1: .manifest
        case .report, .reportV1: .report
        case .receipt: .receipt
        case .checkpoint: .checkpoint
        }
    }

    var rootName: String {
        switch kind {
        case .caseFile: "案卷"
        case .manifest: "报送清单"
        case .report: "统计报表"
        case .receipt: "接收回执"
        case .checkpoint: "审计链检查点"
        }
    }

    var namespace: String {
        switch self {
        case .caseFile: CaseFileFormat.namespace
        case .caseFileV1: CaseFileFormat.namespaceV1
        case .manifest: CaseFileFormat.manifestNamespace
        case .manifestV1: CaseFileFormat.manifestNamespaceV1
        case .report: CaseFileFormat.reportNamespace
        case .reportV1: CaseFileFormat.reportNamespaceV1
        case .receipt: CaseFileFormat.receiptNamespace
        case .checkpoint: CaseFileFormat.checkpointNamespace
        }
    }

    var schemaFile: String {
        switch self {
        case .caseFile: SchemaLocator.caseFile
        case .caseFileV1: SchemaLocator.caseFileV1
        case .manifest: SchemaLocator.manifest
        case .manifestV1: SchemaLocator.manifestV1
        case .report: SchemaLocator.campaignReport
        case .reportV1: SchemaLocator.campaignReportV1
        case .receipt: SchemaLocator.receipt
        case .checkpoint: SchemaLocator.checkpoint
        }
    }

    init?(_ document: XMLDocument) {
        guard let root = document.root,
              let format = Self.allCases.first(where: { $0.rootName == root.name && $0.namespace == root.namespace })
        else { return nil }
        self = format
    }
}
