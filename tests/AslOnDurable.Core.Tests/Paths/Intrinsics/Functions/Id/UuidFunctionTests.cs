namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Id;

public class UuidFunctionTests
{
    [Fact]
    public void Uuid_NoArguments_ReturnsHostUuidLowercase()
    {
        var env = new FakeEvaluationEnvironment().WithUuid(Guid.Parse("0F8FAD5B-D9CB-469F-A165-70867728950E"));
        IntrinsicAssert.Returns("\"0f8fad5b-d9cb-469f-a165-70867728950e\"", "States.UUID()", "{}", env);
    }

    [Fact]
    public void Uuid_WithArgument_IsRejectedAtParse() => IntrinsicAssert.Rejected("States.UUID(1)");
}
