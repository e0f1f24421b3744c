import Fluent
import SQLKit

extension Database {
    /// Both of Mamori's databases (SQLite and PostgreSQL) are SQL databases: services use
    /// SQLKit where a model query cannot say it (conditional updates, `ON CONFLICT`) or costs
    /// too much on a hot page (several facts in one round trip).
    var sql: any SQLDatabase { self as! any SQLDatabase }
}
