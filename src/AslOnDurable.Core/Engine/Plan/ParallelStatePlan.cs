using System.Collections.Immutable;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Model.ErrorHandling;
using AslOnDurable.Core.Model.States;
using AslOnDurable.Core.Paths.Templates;

namespace AslOnDurable.Core.Engine.Plan;

/// <summary>A compiled Parallel state.</summary>
internal sealed class ParallelStatePlan : StatePlan, IRecoverableStatePlan
{
    /// <summary>Compiles the state and its branches.</summary>
    public ParallelStatePlan(ParallelState state, PlanCompiler compiler)
        : base(state, compiler)
    {
        ResultPath = state.ResultPath;
        Retry = state.Retry;
        Catch = compiler.Catchers(state.Catch, IsJsonata);
        if (IsJsonata)
        {
            Arguments = compiler.Jsonata(state.Arguments, "Arguments");
        }
        else
        {
            Parameters = PlanCompiler.Template(state.Parameters);
            ResultSelector = PlanCompiler.Template(state.ResultSelector);
        }

        var branches = new StateMachinePlan[state.Branches.Length];
        for (var i = 0; i < branches.Length; i++)
        {
            branches[i] = compiler.CompileMachine(state.Branches[i]);
        }

        Branches = branches;
    }

    /// <summary>The branches.</summary>
    public StateMachinePlan[] Branches { get; }

    /// <summary>Parameters.</summary>
    public PayloadTemplate? Parameters { get; }

    /// <summary>ResultSelector.</summary>
    public PayloadTemplate? ResultSelector { get; }

    /// <summary>ResultPath.</summary>
    public string? ResultPath { get; }

    /// <summary>Retriers.</summary>
    public ImmutableArray<Retrier> Retry { get; }

    /// <summary>Catchers.</summary>
    public CatcherPlan[] Catch { get; }

    /// <summary>JSONata Arguments.</summary>
    public JsonataTemplate? Arguments { get; }
}
