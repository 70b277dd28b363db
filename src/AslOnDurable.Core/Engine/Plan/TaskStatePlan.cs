using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Task state.</summary>
internal sealed class TaskStatePlan : StatePlan, IRecoverableStatePlan
{
    /// <summary>Compiles the state.</summary>
    public TaskStatePlan(TaskState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        Resource = state.Resource;
        ResourceLabel = Label(state.Resource);
        IsLambdaFunctionArn = state.Resource.Contains(":lambda:", StringComparison.Ordinal)
            && state.Resource.Contains(":function:", StringComparison.Ordinal);
        IsActivityArn = ActivityArn(state.Resource);
        WaitsForTaskToken = IsActivityArn || state.Resource.EndsWith(".waitForTaskToken", StringComparison.Ordinal);
        ResultPath = state.ResultPath;
        Retry = state.Retry;
        Catch = compiler.Catchers(state.Catch, IsJsonata);
        if (IsJsonata)
        {
            Arguments = compiler.Jsonata(state.Arguments, "Arguments");
            JsonataTimeoutSeconds = compiler.Jsonata(state.TimeoutSeconds, "TimeoutSeconds");
            JsonataHeartbeatSeconds = compiler.Jsonata(state.HeartbeatSeconds, "HeartbeatSeconds");
        }
        else
        {
            Parameters = PlanCompiler.Template(state.Parameters);
            ResultSelector = PlanCompiler.Template(state.ResultSelector);
            Credentials = PlanCompiler.Template(state.Credentials);
            TimeoutSeconds = Integer(state.TimeoutSeconds);
            HeartbeatSeconds = Integer(state.HeartbeatSeconds);
            TimeoutSecondsPath = ValueSelector.CompileOptional(state.TimeoutSecondsPath);
            HeartbeatSecondsPath = ValueSelector.CompileOptional(state.HeartbeatSecondsPath);
        }
    }

    /// <inheritdoc/>
    /// <remarks>A JSONata Task reads its input only through <c>$states.input</c> (Arguments, Output, Catch) or copies it whole.</remarks>
    public override bool TakesHeldInput => IsJsonata;

    /// <summary>The resource.</summary>
    public string Resource { get; }

    /// <summary>
    /// How AWS names the resource in causes such as <c>The state/task '...' returned a result with a size exceeding
    /// ...</c>: the service (history's <c>resourceType</c>) for an optimized or SDK integration
    /// (<c>arn:aws:states:::lambda:invoke</c> → <c>lambda</c>, <c>arn:aws:states:::aws-sdk:s3:getObject</c> →
    /// <c>aws-sdk:s3</c>), else the resource ARN itself (Lambda function and activity ARNs).
    /// </summary>
    public string ResourceLabel { get; }

    /// <summary>Whether the resource is a Lambda function ARN (history uses LambdaFunction* events).</summary>
    public bool IsLambdaFunctionArn { get; }

    /// <summary>
    /// Whether the resource is an activity ARN (<c>arn:aws:states:region:account:activity:name</c>): a worker takes the
    /// task with GetActivityTask and answers with its token; history uses Activity* events.
    /// </summary>
    public bool IsActivityArn { get; }

    /// <summary>Whether the resource is a <c>.waitForTaskToken</c> integration or an activity (a token is issued per attempt).</summary>
    public bool WaitsForTaskToken { get; }

    /// <summary>Parameters.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>ResultSelector.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary>Credentials.</summary>
    public PayloadTemplate? Credentials { get; }

    /// <summary>ResultPath.</summary>
    public string? ResultPath { get; }

    /// <summary>Retriers.</summary>
    public ImmutableArray<Retrier> Retry { get; }

    /// <summary>Catchers.</summary>
    public CatcherPlan[] Catch { get; }

    /// <summary>Literal TimeoutSeconds.</summary>
    public int? TimeoutSeconds { get; }

    /// <summary>Literal HeartbeatSeconds.</summary>
    public int? HeartbeatSeconds { get; }

    /// <summary>TimeoutSecondsPath.</summary>
    public ValueSelector? TimeoutSecondsPath { get; }

    /// <summary>HeartbeatSecondsPath.</summary>
    public ValueSelector? HeartbeatSecondsPath { get; }

    /// <summary>JSONata Arguments.</summary>
    public JsonataTemplate? Arguments { get; }

    /// <summary>JSONata TimeoutSeconds.</summary>
    public JsonataTemplate? JsonataTimeoutSeconds { get; }

    /// <summary>JSONata HeartbeatSeconds.</summary>
    public JsonataTemplate? JsonataHeartbeatSeconds { get; }

    private static int? Integer(JsonNode? node) =>
        node is not null && node.GetValueKind() == JsonValueKind.Number ? (int)node.GetValue<double>() : null;

    private static bool ActivityArn(string resource)
    {
        var parts = resource.Split(':');
        return parts.Length == 7 && parts[0] == "arn" && parts[1].Length > 0 && parts[2] == "states"
            && parts[3].Length > 0 && parts[4].Length > 0 && parts[5] == "activity" && parts[6].Length > 0;
    }

    private static string Label(string resource)
    {
        const string Prefix = ":states:::";
        var at = resource.IndexOf(Prefix, StringComparison.Ordinal);
        if (!resource.StartsWith("arn:", StringComparison.Ordinal) || at < 0)
        {
            return resource;
        }

        var service = resource[(at + Prefix.Length)..];
        var parts = service.Split(':');
        if (parts.Length >= 3 && parts[0] == "aws-sdk")
        {
            return parts[0] + ":" + parts[1];
        }

        return parts.Length >= 2 ? parts[0] : resource;
    }
}
