using System.Text.Json.Nodes;
using AslOnDurable.Core.Engine.Lifecycle;
using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Engine.Context;

/// <summary>
/// Workflow variables of one scope. Parallel branches and Map iterations get an inner scope that reads the outer
/// scopes but assigns only into itself, as AWS specifies. Each variable keeps its size, so the execution's total
/// (<see cref="VariableSizeBudget"/>) changes only when a state assigns and when a scope ends.
/// </summary>
/// <param name="parent">The enclosing scope, or <see langword="null"/> at the top level.</param>
/// <param name="budget">The execution's variable size limits and total.</param>
internal sealed class VariableScope(VariableScope? parent, VariableSizeBudget budget)
{
    private Dictionary<string, AssignedVariable>? values;
    private AssignedVariable[]? committed;
    private long ownBytes;

    /// <summary>The enclosing scope.</summary>
    public VariableScope? Parent { get; } = parent;

    /// <summary>The execution's variable size limits and total.</summary>
    public VariableSizeBudget Budget { get; } = budget;

    /// <summary>A scope for a Parallel branch or Map iteration inside this one.</summary>
    public VariableScope CreateChild() => new(this, Budget);

    /// <summary>Looks a variable up here, then in the enclosing scopes.</summary>
    public bool TryGet(string name, out JsonNode? value)
    {
        if (TryGetVariable(name, out var variable))
        {
            value = variable.Value;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>Looks a variable up here, then in the enclosing scopes, as it is held (a node, or a JSONata value).</summary>
    public bool TryGetVariable(string name, out AssignedVariable variable)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.values is not null && scope.values.TryGetValue(name, out variable))
            {
                return true;
            }
        }

        variable = default;
        return false;
    }

    /// <summary>A copy of every variable visible here (inner scopes hiding outer ones), or <see langword="null"/> when none is (map runs).</summary>
    public JsonObject? SnapshotVisible()
    {
        if (Parent?.SnapshotVisible() is not { } outer)
        {
            return Snapshot();
        }

        if (Snapshot() is { } own)
        {
            foreach (var (name, value) in own.ToArray())
            {
                own.Remove(name);
                outer[name] = value;
            }
        }

        return outer;
    }

    /// <summary>A copy of this scope's own variables in assignment order, or <see langword="null"/> when it has none (checkpoints).</summary>
    public JsonObject? Snapshot()
    {
        if (values is null || values.Count == 0)
        {
            return null;
        }

        var snapshot = new JsonObject();
        foreach (var (name, variable) in values)
        {
            snapshot[name] = variable.Value?.DeepClone();
        }

        return snapshot;
    }

    /// <summary>
    /// Measures an evaluated Assign object against the size limits and takes its values out of it, without assigning
    /// them yet (the state's output comes first, then <see cref="Commit"/>).
    /// </summary>
    /// <param name="assignments">The evaluated Assign field.</param>
    /// <param name="stateName">The assigning state, for the error's cause.</param>
    /// <returns>The variables with their sizes, in assignment order.</returns>
    /// <exception cref="AslErrorException"><c>States.DataLimitExceeded</c>: a variable, the Assign field or the execution's variables would be too large.</exception>
    public AssignedVariable[] Prepare(JsonObject assignments, string stateName)
    {
        if (assignments.Count == 0)
        {
            return [];
        }

        var variables = new AssignedVariable[assignments.Count];
        long combined = 0;
        var i = 0;
        foreach (var (name, value) in assignments)
        {
            var size = PayloadSizeGuard.Size(value);
            CheckSize(name, size, ref combined, stateName);
            variables[i++] = new AssignedVariable(name, value, size);
        }

        assignments.Clear();
        return CheckTotal(variables, stateName);
    }

    /// <summary>
    /// Checks measured variables (see <see cref="Prepare(JsonObject, string)"/>) against the size limits, without
    /// assigning them yet.
    /// </summary>
    /// <param name="variables">The variables with their sizes in assignment order; a negative size is measured here.</param>
    /// <param name="stateName">The assigning state, for the error's cause.</param>
    /// <returns><paramref name="variables"/>, all measured.</returns>
    /// <exception cref="AslErrorException"><c>States.DataLimitExceeded</c>: a variable, the Assign field or the execution's variables would be too large.</exception>
    public AssignedVariable[] Prepare(AssignedVariable[] variables, string stateName)
    {
        long combined = 0;
        for (var i = 0; i < variables.Length; i++)
        {
            if (variables[i].Size < 0)
            {
                variables[i] = variables[i] with { Size = PayloadSizeGuard.Size(variables[i].Value) };
            }

            CheckSize(variables[i].Name, variables[i].Size, ref combined, stateName);
        }

        return CheckTotal(variables, stateName);
    }

    private void CheckSize(string name, long size, ref long combined, string stateName)
    {
        if (size > Budget.MaxVariableBytes)
        {
            throw DataLimitExceeded(
                $"The state/task '{stateName}' assigned the variable '{name}' with a size of {size} bytes, exceeding the maximum number of bytes service limit for a single variable ({Budget.MaxVariableBytes} bytes).");
        }

        combined += size;
        if (combined > Budget.MaxAssignBytes)
        {
            throw DataLimitExceeded(
                $"The state/task '{stateName}' assigned variables with a combined size of {combined} bytes in one Assign field (reached at the variable '{name}'), exceeding the maximum number of bytes service limit for an Assign field ({Budget.MaxAssignBytes} bytes).");
        }
    }

    private AssignedVariable[] CheckTotal(AssignedVariable[] variables, string stateName)
    {
        var growth = Growth(variables);
        if (growth > 0 && Budget.Total + growth > Budget.MaxTotalBytes)
        {
            throw TotalExceeded(variables, stateName);
        }

        return variables;
    }

    /// <summary>Assigns prepared variables, replacing same-named ones of this scope, and updates the execution's total.</summary>
    /// <param name="variables">The result of <see cref="Prepare(JsonObject, string)"/>.</param>
    /// <param name="stateName">The assigning state, for the error's cause.</param>
    /// <exception cref="AslErrorException">
    /// <c>States.DataLimitExceeded</c>: a branch running at the same time took the room left for the execution's variables.
    /// </exception>
    public void Commit(AssignedVariable[] variables, string stateName)
    {
        if (variables.Length == 0)
        {
            return;
        }

        var growth = Growth(variables);
        if (!Budget.TryAdd(growth))
        {
            throw TotalExceeded(variables, stateName);
        }

        Store(variables, growth);
        committed = variables;
    }

    /// <summary>
    /// The variables the last <see cref="Commit"/> assigned, once (the frame loop reads them for the state's StateExited
    /// event right after the state completes); <see langword="null"/> when nothing was assigned since the last call.
    /// </summary>
    public AssignedVariable[]? TakeCommitted()
    {
        var taken = committed;
        committed = null;
        return taken;
    }

    /// <summary>Sets the top-level variables a checkpoint saved (they were within the limits when assigned), measuring them again.</summary>
    /// <param name="variables">The checkpoint's variables (taking ownership of its values).</param>
    public void Restore(JsonObject variables)
    {
        var restored = new AssignedVariable[variables.Count];
        var i = 0;
        foreach (var (name, value) in variables)
        {
            restored[i++] = new AssignedVariable(name, value, PayloadSizeGuard.Size(value));
        }

        variables.Clear();
        var growth = Growth(restored);
        Budget.Add(growth);
        Store(restored, growth);
    }

    /// <summary>Stops counting this scope's variables in the execution's total (its branch or iteration has ended).</summary>
    public void Release()
    {
        if (ownBytes != 0)
        {
            Budget.Add(-ownBytes);
            ownBytes = 0;
        }
    }

    private static AslErrorException DataLimitExceeded(string cause) => new(StatesErrorNames.DataLimitExceeded, cause);

    /// <summary>How much the variables would add to this scope: their sizes less those of the own variables they replace.</summary>
    private long Growth(AssignedVariable[] variables)
    {
        long growth = 0;
        foreach (var variable in variables)
        {
            growth += variable.Size;
            if (values is not null && values.TryGetValue(variable.Name, out var replaced))
            {
                growth -= replaced.Size;
            }
        }

        return growth;
    }

    private void Store(AssignedVariable[] variables, long growth)
    {
        values ??= new Dictionary<string, AssignedVariable>(StringComparer.Ordinal);
        foreach (var variable in variables)
        {
            values[variable.Name] = variable;
        }

        ownBytes += growth;
    }

    /// <summary>The execution total error, naming the variable at which the running total passes the limit.</summary>
    private AslErrorException TotalExceeded(AssignedVariable[] variables, string stateName)
    {
        var running = Budget.Total;
        var name = variables[^1].Name;
        foreach (var variable in variables)
        {
            running += variable.Size;
            if (values is not null && values.TryGetValue(variable.Name, out var replaced))
            {
                running -= replaced.Size;
            }

            if (running > Budget.MaxTotalBytes)
            {
                name = variable.Name;
                break;
            }
        }

        return DataLimitExceeded(
            $"The state/task '{stateName}' assigned the variable '{name}', bringing the variables of the execution to {running} bytes, exceeding the maximum number of bytes service limit for the variables of an execution ({Budget.MaxTotalBytes} bytes).");
    }
}
