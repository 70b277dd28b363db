using AslOnDurable.Runtime.Api;
using AslOnDurable.Runtime.Api.Protocol;
using AslOnDurable.Runtime.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace AslOnDurable.Runtime.Tests.Api;

/// <summary>One in-memory API self-host per test class; tests use their own state machine names.</summary>
public sealed class ApiHostFixture : IAsyncLifetime
{
    public StepFunctionsSelfHost Host { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Host = await StepFunctionsSelfHost.StartAsync(new SelfHostOptions(), new ApiOptions(), NullLoggerFactory.Instance, CancellationToken.None);

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
