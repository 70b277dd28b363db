namespace AslOnDurable.Runtime.Api.Contracts;

/// <summary>TestState's request.</summary>
/// <param name="Definition">The state's definition, or a whole state machine's with <paramref name="StateName"/>.</param>
/// <param name="RoleArn">The role (optional; recorded nowhere: tasks run with the host's integrations).</param>
/// <param name="Input">The state's input as JSON text (default <c>{}</c>).</param>
/// <param name="InspectionLevel">INFO (default), DEBUG or TRACE.</param>
/// <param name="RevealSecrets">Whether to show secrets of HTTP connections (TRACE: the headers and query parameters the HTTP connection adds are left out unless true).</param>
/// <param name="StateName">The state to test when <paramref name="Definition"/> is a whole state machine.</param>
/// <param name="Mock">A mocked result or error for a Task state.</param>
/// <param name="StateConfiguration">How far the state has got (<c>retrierRetryCount</c>).</param>
/// <param name="Variables">The workflow variables the state sees, as a JSON object's text (default none).</param>
/// <param name="Context">The context object the state sees (<c>$$</c>, <c>$states.context</c>) as a JSON object's text; only with a mock.</param>
public sealed record TestStateRequest(
    string? Definition, string? RoleArn, string? Input, string? InspectionLevel, bool? RevealSecrets, string? StateName,
    TestStateMock? Mock, TestStateConfiguration? StateConfiguration, string? Variables, string? Context = null);
