using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata;

/// <summary>
/// Evaluation settings: the clock and randomness behind <c>$now</c>/<c>$millis</c>/<c>$random</c>/<c>$shuffle</c>,
/// extra functions, Step Functions mode and the guards. Immutable and shareable; build one at startup.
/// </summary>
public sealed class JsonataEnvironment
{
    private FunctionLibrary? library;
    private EvaluationLimits? untimedLimits;

    /// <summary>The default environment: standard library, Unix-epoch clock, deterministic randomness.</summary>
    public static JsonataEnvironment Default { get; } = new();

    /// <summary>The clock behind <c>$now()</c> and <c>$millis()</c>, read at most once per evaluation (on first use); defaults to the Unix epoch.</summary>
    public Func<DateTimeOffset>? Clock { get; init; }

    /// <summary>Randomness for <c>$random()</c> and <c>$shuffle()</c>: uniform in [0, 1). Defaults to a fixed-seed sequence.</summary>
    public Func<double>? Random { get; init; }

    /// <summary>
    /// Step Functions mode: <c>$eval</c> is withheld.
    /// </summary>
    /// <remarks>AWS Step Functions implements JSONata 2.0.6 without <c>$eval</c> and adds its own functions (registered through <see cref="Functions"/>).</remarks>
    public bool StepFunctionsMode { get; init; }

    /// <summary>Extra functions; they replace built-ins of the same name. User bindings still shadow them.</summary>
    public IReadOnlyList<JsonataFunction> Functions { get; init; } = [];

    /// <summary>Maximum evaluation nesting before <c>U1001</c> is raised.</summary>
    public int MaxDepth { get; init; } = 1000;

    /// <summary>Maximum evaluation steps before <c>U1001</c> is raised (bounds run time without a clock).</summary>
    public long MaxSteps { get; init; } = 50_000_000;

    /// <summary>
    /// Optional monotonic elapsed-time source (milliseconds) for <see cref="TimeLimitMilliseconds"/>; the library
    /// never reads a clock itself.
    /// </summary>
    public Func<long>? ElapsedMilliseconds { get; init; }

    /// <summary>Time budget per evaluation when <see cref="ElapsedMilliseconds"/> is set; exceeding it raises <c>U1001</c>.</summary>
    public long TimeLimitMilliseconds { get; init; } = 10_000;

    /// <summary>The guards of an evaluation without a time limit (the same for every evaluation: built once).</summary>
    internal EvaluationLimits UntimedLimits => untimedLimits ??= new EvaluationLimits(MaxDepth, MaxSteps, null, 0);

    internal FunctionLibrary Library
    {
        get
        {
            var lib = Volatile.Read(ref library);
            if (lib is null)
            {
                lib = FunctionLibrary.Create(!StepFunctionsMode, Functions.Select(f => f.Builtin));
                Volatile.Write(ref library, lib);
            }

            return lib;
        }
    }
}
