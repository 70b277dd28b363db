using AslOnDurable.Core.Errors;

namespace AslOnDurable.Core.Tests.Errors;

public class AslErrorTests
{
    [Fact]
    public void AslError_SameNameAndCause_AreEqual()
    {
        Assert.Equal(new AslError("States.TaskFailed", "x"), new AslError("States.TaskFailed", "x"));
    }

    [Fact]
    public void Cause_LongerThanAwsLimit_IsCutAt32768Characters()
    {
        var long1 = new string('x', 40_000);

        var error = new AslError("E", long1);
        var changed = new AslError("E", null) with { Cause = long1 };

        Assert.Equal(AslError.MaxCauseLength, error.Cause!.Length);
        Assert.Equal(AslError.MaxCauseLength, changed.Cause!.Length);
        Assert.Equal("short", new AslError("E", "short").Cause);
    }
}
