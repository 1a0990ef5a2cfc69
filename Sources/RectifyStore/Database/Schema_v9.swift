import GRDB

/// Progress as of today read the whole tally of a dimension, every day of every key, to sum it: at 10,000 units about
/// 10,000 rows for one `campaign progress`, more work than the GROUP BY over the cases it replaced. `progressTotal`
/// keeps those sums over all days, so a date after the campaign's last tallied day reads one row per key and
/// measure; the index on days tells the query whether any row lies after its date (then it sums by day as before).
enum SchemaV9 {
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE progressTotal (
                campaignId INTEGER NOT NULL REFERENCES campaign(id),
                dimension TEXT NOT NULL CHECK (dimension IN ('all','street','grid','department','officer','category')),
                key TEXT NOT NULL,
                measure TEXT NOT NULL,
                n INTEGER NOT NULL,
                PRIMARY KEY (campaignId, dimension, key, measure)
            ) STRICT, WITHOUT ROWID;
            INSERT INTO progressTotal (campaignId, dimension, key, measure, n)
                SELECT campaignId, dimension, key, measure, sum(n) FROM progressTally GROUP BY 1, 2, 3, 4;
            CREATE INDEX progressTally_day ON progressTally(campaignId, dimension, day);
            """)
    }
}
