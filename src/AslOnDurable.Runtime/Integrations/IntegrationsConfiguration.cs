using System.Collections.Frozen;
using System.Collections.Immutable;
using AslOnDurable.Runtime.Integrations.AzureStorage;
using AslOnDurable.Runtime.Integrations.Connections;
using AslOnDurable.Runtime.Integrations.EventGrid;
using AslOnDurable.Runtime.Integrations.OpenAI;
using AslOnDurable.Runtime.Integrations.Lambda;

namespace AslOnDurable.Runtime.Integrations;

/// <summary>
/// What Task integrations need from outside the definition (connections, endpoints, credentials), read once at start
/// by <see cref="IntegrationsConfigurationReader"/> from a JSON file (<c>asl run --integrations FILE</c>) or the
/// Functions app's settings. Immutable and shared by every execution.
/// </summary>
public sealed record IntegrationsConfiguration
{
    /// <summary>An empty configuration: integrations that need one fail with a clear error.</summary>
    public static IntegrationsConfiguration Empty { get; } = new();

    /// <summary>The HTTP task's connections by name (<c>connections</c>).</summary>
    public FrozenDictionary<string, HttpConnection> Connections { get; init; } = FrozenDictionary<string, HttpConnection>.Empty;

    /// <summary>What Lambda function names stand for (<c>functions</c>): an HTTP-triggered function or a .NET handler.</summary>
    public FrozenDictionary<string, LambdaFunction> Functions { get; init; } = FrozenDictionary<string, LambdaFunction>.Empty;

    /// <summary>The storage account S3, SQS and DynamoDB resources run against (<c>storage</c>), or <see langword="null"/> when none is configured.</summary>
    public AzureStorageIntegration? Storage { get; init; }

    /// <summary>The Event Grid topics EventBridge event buses and SNS topics stand for (<c>eventGrid</c>), or <see langword="null"/>.</summary>
    public EventGridConfiguration? EventGrid { get; init; }

    /// <summary>The Azure OpenAI deployments Bedrock models and <c>openai:chatCompletions</c> run on (<c>azureOpenAI</c>), or <see langword="null"/>.</summary>
    public AzureOpenAIConfiguration? AzureOpenAI { get; init; }

    /// <summary>Plugin assemblies with .NET handlers that <c>asl</c> loads (<c>handlerAssemblies</c>), as full paths.</summary>
    public ImmutableArray<string> HandlerAssemblies { get; init; } = [];

    /// <summary>
    /// Finds the connection an HTTP task names: an EventBridge connection ARN
    /// (<c>arn:aws:events:&lt;region&gt;:&lt;account&gt;:connection/&lt;name&gt;/&lt;id&gt;</c>, matched by its name) or the name itself.
    /// </summary>
    /// <param name="connectionArn">The task's <c>Authentication.ConnectionArn</c>.</param>
    /// <param name="connection">The connection.</param>
    /// <returns>Whether one is configured.</returns>
    public bool TryGetConnection(string connectionArn, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HttpConnection? connection)
    {
        ArgumentNullException.ThrowIfNull(connectionArn);
        string name = connectionArn;
        int marker = connectionArn.IndexOf(":connection/", StringComparison.Ordinal);
        if (connectionArn.StartsWith("arn:", StringComparison.Ordinal) && marker > 0)
        {
            string rest = connectionArn[(marker + ":connection/".Length)..];
            int slash = rest.IndexOf('/', StringComparison.Ordinal);
            name = slash < 0 ? rest : rest[..slash];
        }

        return Connections.TryGetValue(name, out connection);
    }
}
