import GRDB

/// Issue 19: accounts for the web application, and the server's sessions.
/// - `account` is audited: who may sign in, as which officer, in which role, disabled or not, and when the password
///   was last set.
/// - `accountPassword` holds each account's bcrypt hash apart from it, so that no hash enters the audit chain.
/// - `persist` is the server's key-value store (sessions, sign-in throttling): expiring entries, not audited, and no
///   part of a case.
enum SchemaV18 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE account (
                id INTEGER PRIMARY KEY,
                login TEXT NOT NULL UNIQUE CHECK (length(trim(login)) > 0),
                role TEXT NOT NULL CHECK (role = 'officer' OR role = 'lead' OR role = 'admin' OR role = 'superior'),
                officerId INTEGER REFERENCES officer(id),
                disabled INTEGER NOT NULL CHECK (disabled IN (0, 1)),
                passwordSetAt TEXT NOT NULL,
                CHECK (officerId IS NOT NULL OR role IN ('admin', 'superior'))
            ) STRICT;
            CREATE INDEX account_officer ON account(officerId);
            CREATE TABLE accountPassword (
                accountId INTEGER PRIMARY KEY REFERENCES account(id),
                hash TEXT NOT NULL CHECK (hash GLOB '$2[aby]$*')
            ) STRICT;
            CREATE TABLE persist (
                key TEXT PRIMARY KEY,
                value BLOB NOT NULL,
                expiresAt REAL
            ) STRICT;
            """)
    }
}
