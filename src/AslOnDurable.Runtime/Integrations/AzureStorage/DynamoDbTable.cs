namespace AslOnDurable.Runtime.Integrations.AzureStorage;

/// <summary>
/// A DynamoDB table kept in Azure Table Storage: the item's partition key attribute becomes the entity's
/// <c>PartitionKey</c>, its sort key attribute (if the table has one) the <c>RowKey</c>.
/// </summary>
/// <param name="AzureTable">The Azure table's name (letters and digits, 3-63, starting with a letter).</param>
/// <param name="PartitionKey">The partition (hash) key attribute's name.</param>
/// <param name="SortKey">The sort (range) key attribute's name, or <see langword="null"/> when the table has none.</param>
public sealed record DynamoDbTable(string AzureTable, string PartitionKey, string? SortKey);
