using AslOnDurable.Core.Paths;

namespace AslOnDurable.Core.Tests.Paths;

public class JavaDoubleTextTests
{
    [Theory]
    [InlineData(3.0, "3.0")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1234567.0, "1234567.0")]
    [InlineData(9999999.5, "9999999.5")]
    [InlineData(10000000.0, "1.0E7")]
    [InlineData(1.5e20, "1.5E20")]
    [InlineData(123.456, "123.456")]
    [InlineData(1.0 / 3, "0.3333333333333333")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(2.5e-7, "2.5E-7")]
    public void Format_Value_MatchesJavaDoubleToString(double value, string expected) =>
        Assert.Equal(expected, JavaDoubleText.Format(value));
}
