namespace AslOnDurable.Runtime.Durable.MapRuns;

/// <summary>
/// Durable instance ids of map runs and their STANDARD children: the ARN with <c>/</c> (which Azure Storage refuses in
/// instance ids) as <c>:</c>, so a DescribeMapRun or DescribeExecution by ARN finds the instance without an index.
/// </summary>
public static class MapRunInstanceIds
{
    /// <summary>The instance id of a map run (<c>…:mapRun:&lt;machine&gt;/&lt;label&gt;:&lt;id&gt;</c>) or map-run child.</summary>
    /// <param name="arn">The map run's or the child execution's ARN.</param>
    /// <returns>The instance id.</returns>
    public static string FromArn(string arn)
    {
        ArgumentNullException.ThrowIfNull(arn);
        return arn.Replace('/', ':');
    }
}
