using AslOnDurable.Runtime.Scheduling;

namespace AslOnDurable.Runtime.Tests.Scheduling;

public sealed class ScheduleExecutionNameTests
{
    private static readonly DateTimeOffset Slot = new(2027, 3, 4, 5, 6, 7, TimeSpan.Zero);

    [Fact]
    public void For_NameAndSlot()
    {
        Assert.Equal("nightly-20270304T050607Z", ScheduleExecutionName.For("nightly", Slot));
    }

    [Fact]
    public void For_SlotInAnotherOffset_SameName()
    {
        Assert.Equal(ScheduleExecutionName.For("n", Slot), ScheduleExecutionName.For("n", Slot.ToOffset(TimeSpan.FromHours(2))));
    }

    [Fact]
    public void For_LongName_FitsEightyCharactersAndStaysDistinct()
    {
        string a = ScheduleExecutionName.For(new string('a', 63) + "b", Slot);
        string b = ScheduleExecutionName.For(new string('a', 63) + "c", Slot);

        Assert.True(a.Length <= 80, a);
        Assert.NotEqual(a, b);
        Assert.EndsWith("-20270304T050607Z", a, StringComparison.Ordinal);
    }
}
