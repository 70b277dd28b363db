using AslOnDurable.Runtime.Hosting;
using AslOnDurable.Runtime.Tests.Hosting;
using AslOnDurable.Runtime.Tests.Storage;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>
/// Tests on an embedded self-host whose Task calls go to a <see cref="HeldCallHandler"/>: one host per test, and the held
/// calls released before the host stops (so no call outlives its test).
/// </summary>
/// <typeparam name="THandler">The handler holding the calls.</typeparam>
public abstract class HeldCallHostTests<THandler> : IAsyncLifetime
    where THandler : HeldCallHandler, new()
{
    private RedriveTestHost? host;

    /// <summary>Gets the handler of the host's Task calls.</summary>
    internal THandler Handler { get; } = new();

    /// <summary>Gets the host, started before each test.</summary>
    internal RedriveTestHost Host => host ?? throw new InvalidOperationException("The host starts before the test.");

    /// <inheritdoc/>
    public async Task InitializeAsync() => host = await RedriveTestHost.StartAsync(Handler);

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        Handler.Release();
        if (host is not null)
        {
            await host.DisposeAsync();
        }
    }

    /// <summary>Runs <paramref name="scenario"/> on a host over Azurite's storage (task hub <paramref name="hub"/>), then releases the held calls.</summary>
    internal static async Task OnAzuriteAsync(AzuriteFixture azurite, string hub, Func<RedriveTestHost, THandler, Task> scenario)
    {
        THandler handler = new();
        await using RedriveTestHost host = await RedriveTestHost.StartAsync(handler, AzuriteSelfHosts.Options(azurite, hub));
        try
        {
            await scenario(host, handler);
        }
        finally
        {
            handler.Release();
        }
    }
}
