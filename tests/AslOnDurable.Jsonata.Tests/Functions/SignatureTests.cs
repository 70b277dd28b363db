using AslOnDurable.Jsonata.Evaluation;
using AslOnDurable.Jsonata.Functions;

namespace AslOnDurable.Jsonata.Tests.Functions;

public sealed class SignatureTests
{
    [Fact]
    public void Validate_MissingContextParameter_UsesContext()
    {
        var signature = Signature.Parse("<s-n?:s>");
        var args = signature.Validate([], "ctx");
        Assert.Equal("ctx", args[0]);
    }

    [Fact]
    public void Validate_SingleValueForArray_WrapsIt()
    {
        var args = Signature.Parse("<a<n>:n>").Validate([3d], null);
        var list = Assert.IsType<JList>(args[0]);
        Assert.Equal(3d, list[0]);
    }

    [Fact]
    public void Validate_ArgumentsAsTheyAre_ReturnsTheSuppliedArray()
    {
        object?[] supplied = ["a", 2d];

        var args = Signature.Parse("<sn?:s>").Validate(supplied, "ctx");

        Assert.Same(supplied, args);
    }

    [Fact]
    public void Validate_OptionalArgumentOmitted_FillsItInACopy()
    {
        object?[] supplied = ["a"];

        var args = Signature.Parse("<sn?:s>").Validate(supplied, null);

        Assert.NotSame(supplied, args);
        Assert.Equal(["a", null], args);
    }

    [Fact]
    public void Validate_SecondArgumentWrapped_KeepsTheFirstAndLeavesTheSuppliedArrayAlone()
    {
        object?[] supplied = ["a", 3d];

        var args = Signature.Parse("<sa<n>:s>").Validate(supplied, null);

        Assert.Equal("a", args[0]);
        Assert.Equal(3d, Assert.IsType<JList>(args[1])[0]);
        Assert.Equal(3d, supplied[1]);
    }

    [Fact]
    public void Validate_WrongType_RaisesT0410WithIndex()
    {
        var error = Assert.Throws<JsonataException>(() => Signature.Parse("<sn:s>").Validate(["a", "b"], null));
        Assert.Equal("T0410", error.Code);
        Assert.Equal(2, error.ArgumentIndex);
    }

    [Fact]
    public void Validate_IncompatibleContext_RaisesT0411()
    {
        Assert.Equal("T0411", Assert.Throws<JsonataException>(() => Signature.Parse("<s-:s>").Validate([], 5d)).Code);
    }

    [Fact]
    public void Lambda_WithSignature_ValidatesArguments()
    {
        Assert.Equal("T0410", ExpressionRunner.Fails("function($a)<n:n>{$a}('x')").Code);
    }
}
