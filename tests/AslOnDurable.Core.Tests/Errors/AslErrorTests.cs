using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Tests.Errors;

public class AslErrorTests
{
    [Fact]
    public void AslError_SameNameAndCause_AreEqual()
    {
        Assert.Equal(new AslError("States.TaskFailed", "x"), new AslError("States.TaskFailed", "x"));
    }
}
