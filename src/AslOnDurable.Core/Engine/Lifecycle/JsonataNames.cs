using AslOnDurable.Jsonata;

namespace AslOnDurable.Core.Engine.Lifecycle;

/// <summary>
/// The member names of <c>$states</c> and of its context object, as the instances JSONata expressions use
/// (<see cref="JsonataValue.ShareName"/>): <c>$states.input</c> and <c>$states.context.State.Name</c> find their members
/// by reference.
/// </summary>
internal static class JsonataNames
{
    public static readonly string Input = JsonataValue.ShareName("input");
    public static readonly string Result = JsonataValue.ShareName("result");
    public static readonly string ErrorOutput = JsonataValue.ShareName("errorOutput");
    public static readonly string Context = JsonataValue.ShareName("context");
    public static readonly string Execution = JsonataValue.ShareName("Execution");
    public static readonly string StateMachine = JsonataValue.ShareName("StateMachine");
    public static readonly string State = JsonataValue.ShareName("State");
    public static readonly string Task = JsonataValue.ShareName("Task");
    public static readonly string Map = JsonataValue.ShareName("Map");
    public static readonly string Item = JsonataValue.ShareName("Item");
    public static readonly string Index = JsonataValue.ShareName("Index");
    public static readonly string Value = JsonataValue.ShareName("Value");
    public static readonly string Name = JsonataValue.ShareName("Name");
    public static readonly string EnteredTime = JsonataValue.ShareName("EnteredTime");
    public static readonly string RetryCount = JsonataValue.ShareName("RetryCount");
    public static readonly string Token = JsonataValue.ShareName("Token");
}
