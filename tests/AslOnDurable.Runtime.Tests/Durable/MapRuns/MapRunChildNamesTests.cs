using AslOnDurable.Runtime.Durable.MapRuns;

namespace AslOnDurable.Runtime.Tests.Durable.MapRuns;

public sealed class MapRunChildNamesTests
{
    private const string MapRun = "arn:aws:states:us-east-1:123456789012:mapRun:m/label:11111111-2222-3333-4444-555555555555";

    [Fact]
    public void Of_SameChildAskedTwice_SameUuid()
    {
        string first = MapRunChildNames.Of(MapRun, 0, 3, 7);

        Assert.Equal(first, MapRunChildNames.Of(MapRun, 0, 3, 7));
        Assert.Matches("^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", first);
    }

    [Fact]
    public void Of_OtherPositionChunkRedriveOrMapRun_OtherName()
    {
        string[] names =
        [
            MapRunChildNames.Of(MapRun, 0, 0, 0),
            MapRunChildNames.Of(MapRun, 0, 0, 1),
            MapRunChildNames.Of(MapRun, 0, 1, 0),
            MapRunChildNames.Of(MapRun, 1, 0, 0),
            MapRunChildNames.Of(MapRun + "0", 0, 0, 0),
        ];

        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
    }
}
