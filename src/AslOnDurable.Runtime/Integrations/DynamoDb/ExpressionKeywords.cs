namespace AslOnDurable.Runtime.Integrations.DynamoDb;

/// <summary>
/// The DynamoDB reserved words an expression most often trips over (a bare attribute name must not be one; use
/// <c>#name</c>). DynamoDB reserves several hundred words (its developer guide's "Reserved words" page); the ones here
/// are a subset of that list that definitions commonly use as attribute names. Words outside it are accepted.
/// </summary>
internal static class ExpressionKeywords
{
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "AND", "OR", "NOT", "BETWEEN", "IN", "SET", "ADD", "DELETE",
        "NAME", "STATUS", "DATA", "DATE", "TIME", "TIMESTAMP", "YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND",
        "COUNT", "SIZE", "TYPE", "VALUE", "VALUES", "KEY", "KEYS", "USER", "USERS", "ORDER", "GROUP", "LEVEL", "ROLE",
        "TABLE", "INDEX", "COLUMN", "ROW", "ROWS", "COMMENT", "CONNECTION", "SESSION", "STATE", "ZONE", "TTL",
        "REGION", "LIMIT", "OWNER", "PATH", "SOURCE", "VIEW", "BY", "FROM", "TO", "WHERE",
        "SELECT", "UPDATE", "INSERT", "CREATE", "DROP", "ALL", "ANY", "AS", "ASC", "DESC", "IS", "NULL", "TRUE", "FALSE",
    };

    /// <summary>Whether a bare name is reserved.</summary>
    /// <param name="name">The name.</param>
    /// <returns>Whether it is reserved.</returns>
    public static bool IsReserved(string name) => Reserved.Contains(name);
}
