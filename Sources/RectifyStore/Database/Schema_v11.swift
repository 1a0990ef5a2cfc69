import GRDB

/// Issue 15: a certificate speaks for one filing agency, and provenance names the signer. `trustedCertificate` is the
/// superior's registry (`rectify trust add/list/remove`); a removed certificate keeps its row with `removedAt`, so
/// the filings it signed still name it. `filing` records the signer of every file received.
enum SchemaV11 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE trustedCertificate (
                id INTEGER PRIMARY KEY,
                fingerprint TEXT NOT NULL UNIQUE CHECK (length(fingerprint) = 64),
                subject TEXT NOT NULL,
                pem TEXT NOT NULL CHECK (pem LIKE '-----BEGIN CERTIFICATE-----%'),
                divisionCode TEXT NOT NULL CHECK (length(divisionCode) = 6 OR length(divisionCode) = 9),
                agencyName TEXT NOT NULL CHECK (length(trim(agencyName)) > 0),
                notBefore TEXT NOT NULL,
                notAfter TEXT NOT NULL,
                addedAt TEXT NOT NULL,
                removedAt TEXT
            ) STRICT;
            ALTER TABLE filing ADD COLUMN signerFingerprint TEXT;
            ALTER TABLE filing ADD COLUMN signerSubject TEXT;
            """)
    }
}
