/// Who may sign in to the web application, and what they may do there.
public enum AccountRole: String, CaseIterable, Codable, Sendable, BilingualEnum {
    /// Own cases and the units of their own grid.
    case officer
    /// Their own campaigns and all their cases; read-only for the others.
    case lead
    /// The organisation, accounts, the register, the calendar and the rules.
    case admin
    /// Read-only, plus the import of filings.
    case superior

    public var chinese: String {
        switch self {
        case .officer: "执法人员"
        case .lead: "专项整治负责人"
        case .admin: "管理员"
        case .superior: "上级机关"
        }
    }

    public static let fieldChinese = "角色"
    public static let fieldEnglish = "role"
}

/// A sign-in account. The password's hash is kept apart (`accountPassword`), out of the audit chain; this row, audited,
/// records who the account is, its role, whether it is disabled and when its password was last set.
public struct Account: Codable, Equatable, Sendable {
    public typealias ID = Identifier<Account>
    public var id: ID?
    /// What the user types to sign in: an officer's credential number, or a name for a superior or an administrator.
    public var login: String
    public var role: AccountRole
    /// The officer the account acts as; officers and leads must have one, and every write carries it as the actor.
    public var officerId: Officer.ID?
    public var disabled: Bool
    public var passwordSetAt: String

    public init(id: ID? = nil, login: String, role: AccountRole, officerId: Officer.ID?, disabled: Bool = false,
                passwordSetAt: String) {
        self.id = id
        self.login = login
        self.role = role
        self.officerId = officerId
        self.disabled = disabled
        self.passwordSetAt = passwordSetAt
    }
}

/// The rules of accounts: what a password must be, and which roles act as an officer.
public enum AccountRules {
    public static let minimumLength = 10

    /// Long enough to resist guessing, and not the login itself.
    public static func checkPassword(_ password: String, login: String) throws(ValidationError) {
        guard password.count >= minimumLength else {
            throw ValidationError(field: "密码", fieldEnglish: "password", chinese: "至少\(minimumLength)个字符",
                                  english: "at least \(minimumLength) characters")
        }
        guard password != login else {
            throw ValidationError(field: "密码", fieldEnglish: "password", chinese: "不能与登录名相同",
                                  english: "must not be the login")
        }
    }

    /// Officers and campaign leads act as an officer (every write carries one); the others need not.
    public static func needsOfficer(_ role: AccountRole) -> Bool { role == .officer || role == .lead }
}

/// Who may see a case in the web application: an officer only the cases they are named on; a campaign lead, an
/// administrator and a superior every case (read-only where their role gives no act).
public enum CaseAccess {
    public static func maySee(_ role: AccountRole, isNamedOnCase: Bool) -> Bool {
        role != .officer || isNamedOnCase
    }

    /// Who may act on a case: the officers named on it (an officer, or a campaign lead who is one of its two), and a
    /// campaign lead on every case of the campaigns their department leads; an administrator or a superior only reads.
    public static func mayAct(_ role: AccountRole, isNamedOnCase: Bool, leadsCampaign: Bool = false) -> Bool {
        (AccountRules.needsOfficer(role) && isNamedOnCase) || (role == .lead && leadsCampaign)
    }
}

/// A bearer token of the JSON API: made by an administrator for one account and scoped to that account's role when it
/// was made; it stops working when revoked, when the account is disabled, or when the account's role changes.
public struct APIToken: Codable, Equatable, Sendable {
    public typealias ID = Identifier<APIToken>
    public var id: ID?
    public var accountId: Account.ID
    /// What the administrator calls it ("区政务平台"), unique among tokens.
    public var name: String
    public var role: AccountRole
    public var createdAt: String
    public var revokedAt: String?

    public init(id: ID? = nil, accountId: Account.ID, name: String, role: AccountRole, createdAt: String, revokedAt: String? = nil) {
        self.id = id
        self.accountId = accountId
        self.name = name
        self.role = role
        self.createdAt = createdAt
        self.revokedAt = revokedAt
    }
}
