namespace AslOnDurable.Core.Tests.Paths.Intrinsics.Functions.Array;

public class ArrayUniqueFunctionTests
{
    [Fact]
    public void ArrayUnique_Duplicates_KeepsFirstOccurrencesInOrder() =>
        IntrinsicAssert.Returns(
            """[null,true,false,1,1.1,0,"HelloWorld",[],[null],{"a":1,"b":2},{"a":1,"b":1}]""",
            "States.ArrayUnique($.a)",
            """{"a":[null,null,true,true,false,false,1,1,1.1,0,0,"HelloWorld","HelloWorld",[],[],[null],[null],{"a":1,"b":2},{"a":1,"b":2},{"a":1,"b":1}]}""");

    [Fact]
    public void ArrayUnique_NotAnArray_FailsWithRuntime() =>
        IntrinsicAssert.Fails("States.ArrayUnique($.a)", """{"a":1}""");
}
