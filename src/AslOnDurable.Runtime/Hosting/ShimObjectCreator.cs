using DurableTask.Core;

namespace AslOnDurable.Runtime.Hosting;

/// <summary>Hands DurableTask.Core a fresh shim for every work item (shims hold per-execution state).</summary>
/// <typeparam name="T"><see cref="TaskOrchestration"/> or <see cref="TaskActivity"/>.</typeparam>
internal sealed class ShimObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> create;

    /// <summary>Initializes a new instance of the <see cref="ShimObjectCreator{T}"/> class.</summary>
    /// <param name="name">The registered name (the version is always empty).</param>
    /// <param name="create">Makes the shim.</param>
    public ShimObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        this.create = create;
    }

    /// <inheritdoc />
    public override T Create() => create();
}
