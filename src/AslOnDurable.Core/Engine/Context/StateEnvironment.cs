using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Paths;
using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>
/// The evaluation environment of one frame (a top-level run, a Parallel branch or a Map iteration): variables,
/// the host's ids and randomness, and the context object <c>$$</c>, built on first use and updated only when read.
/// </summary>
/// <remarks>An <see cref="ExecutionFrame"/> is its own environment (the frame derives from this class).</remarks>
/// <param name="run">The execution.</param>
/// <param name="scope">The frame's variable scope.</param>
internal class StateEnvironment(ExecutionRun run, VariableScope scope) : IEvaluationEnvironment
{
    private JsonObject? context;
    private bool stateDirty = true;
    private bool mapDirty;
    private string stateName = "";
    private DateTimeOffset enteredTime;
    private int retryCount = -1;
    private string? taskToken;
    private int mapIndex = -1;
    private JsonNode? mapValue;
    private JsonataConversionCache? jsonataCache;
    private JsonataValue jsonataContext;

    /// <summary>The execution.</summary>
    public ExecutionRun Run { get; } = run;

    /// <summary>JSONata values of this frame's nodes (see <see cref="JsonataConversionCache"/>).</summary>
    public JsonataConversionCache JsonataCache => jsonataCache ??= new JsonataConversionCache();

    /// <summary>
    /// The current state's input when it is held as the evaluator's value (its raw input node is then null and not
    /// used): only a JSONata Pass, Choice or Succeed state takes its input so (see <see cref="StepResult.Held"/>).
    /// </summary>
    public HeldJsonataValue? HeldInput { get; private set; }

    /// <summary>The frame's variables.</summary>
    public VariableScope Scope { get; } = scope;

    /// <summary>The current state's name.</summary>
    public string StateName => stateName;

    /// <summary>The id of the current state's StateEntered event.</summary>
    public long EnteredEventId { get; private set; }

    /// <inheritdoc/>
    public JsonNode? ContextObject
    {
        get
        {
            if (Run.Options.FixedContextObject is { } fixedContext)
            {
                return fixedContext;
            }

            if (context is null)
            {
                context = new JsonObject
                {
                    ["Execution"] = Run.CreateExecutionObject(),
                    ["StateMachine"] = Run.CreateStateMachineObject(),
                };
                stateDirty = true;
            }

            if (stateDirty)
            {
                var state = new JsonObject { ["Name"] = stateName, ["EnteredTime"] = Rfc3339.Format(enteredTime) };
                if (retryCount >= 0)
                {
                    state["RetryCount"] = retryCount;
                }

                context["State"] = state;
                if (taskToken is not null)
                {
                    context["Task"] = new JsonObject { ["Token"] = taskToken };
                }
                else
                {
                    context.Remove("Task");
                }

                stateDirty = false;
                mapDirty = true;
            }

            if (mapDirty)
            {
                if (mapIndex >= 0)
                {
                    context["Map"] = new JsonObject { ["Item"] = new JsonObject { ["Index"] = mapIndex, ["Value"] = mapValue?.DeepClone() } };
                }
                else
                {
                    context.Remove("Map");
                }

                mapDirty = false;
            }

            return context;
        }
    }

    /// <summary>
    /// <c>$states.context</c> as the evaluator's value, built from this environment's fields when first read after a
    /// change (no context node): the same members, in the same order, with the same values as <see cref="ContextObject"/>.
    /// </summary>
    public JsonataValue JsonataContext
    {
        get
        {
            if (Run.Options.FixedContextObject is { } fixedContext)
            {
                return JsonataValue.FromNode(fixedContext);
            }

            if (jsonataContext.IsUndefined)
            {
                jsonataContext = BuildJsonataContext();
            }

            return jsonataContext;
        }
    }

    /// <summary>When the current state was entered (<c>$$.State.EnteredTime</c>).</summary>
    public DateTimeOffset EnteredTime => enteredTime;

    /// <summary>Moves to a new state.</summary>
    public void Enter(string name, DateTimeOffset entered, long enteredEventId, bool hasRetryCount)
    {
        stateName = name;
        enteredTime = entered;
        EnteredEventId = enteredEventId;
        retryCount = hasRetryCount ? 0 : -1;
        taskToken = null;
        mapIndex = -1;
        mapValue = null;
        stateDirty = true;
        jsonataContext = default;
        HeldInput = null;
        jsonataCache?.NextState();
    }

    /// <summary>Gives the current state its input as a held value (see <see cref="HeldInput"/>); call after <see cref="Enter"/>.</summary>
    public void HoldInput(HeldJsonataValue input)
    {
        HeldInput = input;
        JsonataCache.HoldInput(input.Value);
    }

    /// <summary>
    /// Forgets the JSONata values held for nodes: code outside the engine (a task handler, the states of a Parallel
    /// branch or Map iteration) may have changed nodes it was given.
    /// </summary>
    public void ForgetJsonataValues() => jsonataCache?.Forget();

    /// <summary>Sets <c>$$.State.RetryCount</c>.</summary>
    public void SetRetryCount(int count)
    {
        retryCount = count;
        stateDirty = true;
        ContextChanged();
    }

    /// <summary>Sets <c>$$.Task.Token</c>.</summary>
    public void SetTaskToken(string? token)
    {
        taskToken = token;
        stateDirty = true;
        ContextChanged();
    }

    /// <summary>Sets <c>$$.Map.Item</c> (index -1 clears it).</summary>
    public void SetMapItem(int index, JsonNode? value)
    {
        mapIndex = index;
        mapValue = value;
        mapDirty = true;
        ContextChanged();
    }

    /// <summary>The current retry count (0 when none).</summary>
    public int RetryCount => Math.Max(retryCount, 0);

    /// <inheritdoc/>
    public bool TryGetVariable(string name, out JsonNode? value) => Scope.TryGet(name, out value);

    private void ContextChanged()
    {
        jsonataContext = default;
        jsonataCache?.ForgetStates();
    }

    private JsonataValue BuildJsonataContext()
    {
        var constants = Run.JsonataContextConstants;
        Span<KeyValuePair<string, JsonataValue>> state =
        [
            new(JsonataNames.Name, JsonataValue.FromString(stateName)),
            new(JsonataNames.EnteredTime, JsonataValue.FromString(Rfc3339.Format(enteredTime))),
            new(JsonataNames.RetryCount, retryCount >= 0 ? JsonataValue.FromNumber(retryCount) : JsonataValue.Undefined),
        ];
        Span<KeyValuePair<string, JsonataValue>> members =
        [
            new(JsonataNames.Execution, constants.Execution),
            new(JsonataNames.StateMachine, constants.StateMachine),
            new(JsonataNames.State, JsonataValue.CreateObject(state)),
            new(JsonataNames.Task, taskToken is null ? JsonataValue.Undefined : JsonataValue.CreateObject([new(JsonataNames.Token, JsonataValue.FromString(taskToken))])),
            new(JsonataNames.Map, mapIndex < 0 ? JsonataValue.Undefined : JsonataValue.CreateObject([new(JsonataNames.Item, JsonataValue.CreateObject(
            [
                new(JsonataNames.Index, JsonataValue.FromNumber(mapIndex)),
                new(JsonataNames.Value, JsonataValue.FromNode(mapValue, JsonataCache)),
            ]))])),
        ];
        return JsonataValue.CreateObject(members);
    }

    /// <inheritdoc/>
    public Guid NewUuid() => Run.Host.NewGuid();

    /// <inheritdoc/>
    public double NextRandom() => Run.Host.NextRandom();
}
