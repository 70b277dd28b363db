using System.Text.Json.Nodes;

namespace AslOnDurable.Core.Validation;

/// <summary>One outgoing transition of a state: where it leads, where it is written, and what it assigns on the way.</summary>
/// <param name="Target">The target state name.</param>
/// <param name="Pointer">The JSON Pointer of the field naming the target.</param>
/// <param name="Assign">The <c>Assign</c> applied on this transition besides the state's own (a Choice rule's or a catcher's), or <see langword="null"/>.</param>
/// <param name="IsCatch">Whether the transition is a catcher's (the state's own <c>Assign</c> does not apply).</param>
internal sealed record StateTransition(string Target, string Pointer, JsonObject? Assign, bool IsCatch);
