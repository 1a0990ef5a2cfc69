import GRDB

/// Issue 19: bearer tokens of the JSON API.
/// - `apiToken` is audited: which account a token acts for, in which role, when it was made and revoked.
/// - `apiTokenSecret` holds the SHA-256 of each token apart from it, so that nothing that could be replayed enters the
///   audit chain (the token itself is shown once, when made, and never stored).
enum SchemaV19 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE apiToken (
                id INTEGER PRIMARY KEY,
                accountId INTEGER NOT NULL REFERENCES account(id),
                name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
                role TEXT NOT NULL CHECK (role = 'officer' OR role = 'lead' OR role = 'admin' OR role = 'superior'),
                createdAt TEXT NOT NULL,
                revokedAt TEXT
            ) STRICT;
            CREATE INDEX apiToken_account ON apiToken(accountId);
            CREATE TABLE apiTokenSecret (
                tokenId INTEGER PRIMARY KEY REFERENCES apiToken(id),
                sha256 TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64)
            ) STRICT;
            """)
    }
}
