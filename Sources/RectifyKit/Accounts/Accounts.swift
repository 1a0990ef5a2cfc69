import Foundation
import HummingbirdBcrypt
import RectifyCore
import RectifyStore

/// The accounts of the web application: added, reset and disabled by an administrator (or from the command line
/// for the first one), every change audited; passwords hashed with bcrypt and kept out of the audit chain.
extension Rectify {
    /// bcrypt's work factor: slow enough to make guessing expensive, quick enough for a person signing in.
    static let bcryptCost: UInt8 = 11

    public struct AccountListing: Codable, Sendable {
        public var login: String
        public var role: AccountRole
        public var officer: OfficerRef?
        public var disabled: Bool
        public var passwordSetAt: String
    }

    public func addAccount(login: String, role: AccountRole, officer credential: String?, password: String,
                           actor: String) throws -> Account {
        let login = try require(login, field: "登录名", english: "login")
        try AccountRules.checkPassword(password, login: login)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        return try database.write(actor: actor) { context in
            if try context.store.account(login: login) != nil {
                throw RuleViolation(rule: .accountLoginUnique, chinese: "登录名“\(login)”已有账户", english: "login '\(login)' has an account already")
            }
            let officer = try credential?.nonBlank.map { try Lookup.actingOfficer(context.store, credential: $0) }
            guard officer != nil || !AccountRules.needsOfficer(role) else {
                throw RuleViolation(rule: .accountOfficer, chinese: "\(role.chinese)的账户须用 --officer 指定一名在岗执法人员",
                                    english: "a \(role.rawValue) account needs an active officer (--officer)")
            }
            var account = Account(login: login, role: role, officerId: officer?.id, passwordSetAt: Timestamp.string(context.now))
            let id = try context.insert(&account, action: "account.add")
            try context.setPasswordHash(hash, accountId: id)
            return account
        }
    }

    public func resetPassword(login: String, password: String, actor: String) throws -> Account {
        try AccountRules.checkPassword(password, login: login.trimmed)
        let hash = Bcrypt.hash(password, cost: Self.bcryptCost)
        return try database.write(actor: actor) { context in
            guard var account = try context.store.account(login: login) else { throw NotFoundError("账户", "account", key: login) }
            account.passwordSetAt = Timestamp.string(context.now)
            try context.update(account, action: "account.reset-password")
            try context.setPasswordHash(hash, accountId: account.id!)
            return account
        }
    }

    public func disableAccount(login: String, actor: String) throws -> Account {
        try database.write(actor: actor) { context in
            guard var account = try context.store.account(login: login) else { throw NotFoundError("账户", "account", key: login) }
            guard !account.disabled else { return account }
            account.disabled = true
            try context.update(account, action: "account.disable")
            return account
        }
    }

    public func accounts() throws -> [AccountListing] {
        try database.read { store in
            try store.accounts().map { account in
                let officer = try account.officerId.flatMap { try store.officer(id: $0) }
                return AccountListing(login: account.login, role: account.role,
                                      officer: officer.map { OfficerRef(name: $0.name, credential: $0.credential) },
                                      disabled: account.disabled, passwordSetAt: account.passwordSetAt)
            }
        }
    }

    /// Who is signed in: the account, and the officer every write of theirs is recorded under.
    public struct SignedIn: Codable, Sendable, Equatable {
        public var accountId: Int64
        public var login: String
        public var role: AccountRole
        public var officer: OfficerRef?

        /// The audit actor of this person's writes: their officer's credential, or the account's login.
        public var actor: String { officer?.credential ?? login }
    }

    /// The account `login` if `password` is its password and it may still sign in; nil otherwise (the caller says only
    /// that the sign-in failed, never which part). Slow by design (bcrypt): run it off the event loop.
    public func signIn(login: String, password: String) throws -> SignedIn? {
        let found = try database.read { store -> (Account, String, Officer?)? in
            guard let account = try store.account(login: login), let hash = try store.passwordHash(accountId: account.id!) else {
                return nil
            }
            return (account, hash, try account.officerId.flatMap { try store.officer(id: $0) })
        }
        guard let (account, hash, officer) = found else {
            // The same work as a real check, so that timing does not tell which logins exist.
            _ = Bcrypt.verify(password, hash: Self.unknownLoginHash)
            return nil
        }
        guard Bcrypt.verify(password, hash: hash), !account.disabled, officer?.active ?? true else { return nil }
        return SignedIn(accountId: account.id!.rawValue, login: account.login, role: account.role,
                        officer: officer.map { OfficerRef(name: $0.name, credential: $0.credential) })
    }

    /// The signed-in person as they are now: nil once the account is disabled or its officer deactivated.
    public func currentSignIn(accountId: Int64) throws -> SignedIn? {
        try database.read { store in
            guard let account = try store.account(id: Account.ID(accountId)), !account.disabled else { return nil }
            let officer = try account.officerId.flatMap { try store.officer(id: $0) }
            guard officer?.active ?? true else { return nil }
            return SignedIn(accountId: accountId, login: account.login, role: account.role,
                            officer: officer.map { OfficerRef(name: $0.name, credential: $0.credential) })
        }
    }

    private static let unknownLoginHash = Bcrypt.hash("rectify-unknown-login", cost: bcryptCost)
}

extension Rectify {
    /// A case page for a signed-in person: refused (CASE-ACCESS) to an officer not named on the case.
    public func caseDetail(number: String, asOf: LocalDate? = nil, for person: SignedIn) throws -> CaseDetail {
        let detail = try caseDetail(number: number, asOf: asOf)
        let named = detail.officers.contains { $0.credential == person.officer?.credential }
        guard CaseAccess.maySee(person.role, isNamedOnCase: named) else {
            throw RuleViolation(rule: .caseAccess, chinese: "案件\(number)不是您承办的案件", english: "case \(number) is not one of your cases")
        }
        return detail
    }

    /// The cases a signed-in person works: an officer's own, soonest deadline first; everyone else's for the others.
    public func cases(for person: SignedIn, campaign: String? = nil, state: CaseState? = nil) throws -> [CaseListing] {
        try cases(campaign: campaign, state: state, officer: person.role == .officer ? person.officer?.credential : nil)
    }
}

extension Rectify {
    /// The password every demo account signs in with (`rectify serve --demo` prints it).
    public static let demoPassword = "rectify-demo-2026"

    /// The demo district's accounts: an administrator, a superior, a campaign lead and two officers of 消防大队 (the
    /// officers of the README's tour). Added once; an existing account is left as it is.
    public func addDemoAccounts() throws -> [AccountListing] {
        let wanted: [(String, AccountRole, String?)] = [
            ("admin", .admin, nil), ("superior", .superior, nil), ("320671000015", .lead, "320671000015"),
            ("320671000013", .officer, "320671000013"), ("320671000014", .officer, "320671000014"),
        ]
        let existing = Set(try accounts().map(\.login))
        for (login, role, officer) in wanted where !existing.contains(login) {
            _ = try addAccount(login: login, role: role, officer: officer, password: Self.demoPassword, actor: "demo-admin")
        }
        return try accounts()
    }
}
