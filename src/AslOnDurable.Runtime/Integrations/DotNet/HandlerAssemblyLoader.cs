using System.Reflection;
using System.Runtime.Loader;

namespace AslOnDurable.Runtime.Integrations.DotNet;

/// <summary>
/// Loads plugin assemblies for <c>asl</c> (<c>--handlers ASSEMBLY.dll</c>, or <c>handlerAssemblies</c> in the
/// configuration) and creates one instance of every public, non-abstract type in them that implements
/// <see cref="IAslTaskHandler"/>, through its public parameterless constructor.
/// </summary>
public static class HandlerAssemblyLoader
{
    /// <summary>Loads the handlers of some assemblies.</summary>
    /// <param name="paths">The assembly files.</param>
    /// <returns>The handlers.</returns>
    /// <exception cref="IntegrationsConfigurationException">An assembly cannot be loaded, has no handler, or a handler cannot be created.</exception>
    public static IReadOnlyList<IAslTaskHandler> Load(IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(paths);
        List<IAslTaskHandler> handlers = [];
        List<string> problems = [];
        foreach (string path in paths)
        {
            Assembly assembly;
            try
            {
                assembly = AssemblyLoadContext.Default.LoadFromAssemblyPath(Path.GetFullPath(path));
            }
            catch (Exception e) when (e is IOException or BadImageFormatException or ArgumentException or NotSupportedException)
            {
                problems.Add($"{path}: cannot load the assembly: {e.Message}");
                continue;
            }

            int before = handlers.Count;
            Type[] types;
            try
            {
                types = assembly.GetExportedTypes();
            }
            catch (Exception e) when (e is ReflectionTypeLoadException or FileNotFoundException or FileLoadException)
            {
                problems.Add($"{path}: cannot read its types: {e.Message}");
                continue;
            }

            foreach (Type type in types)
            {
                if (type.IsAbstract || type.IsInterface || !typeof(IAslTaskHandler).IsAssignableFrom(type))
                {
                    continue;
                }

                if (type.GetConstructor(Type.EmptyTypes) is not { } constructor)
                {
                    problems.Add($"{path}: the handler {type.FullName} needs a public parameterless constructor.");
                    continue;
                }

                try
                {
                    handlers.Add((IAslTaskHandler)constructor.Invoke(null));
                }
                catch (TargetInvocationException e)
                {
                    problems.Add($"{path}: creating the handler {type.FullName} failed: {e.InnerException?.Message ?? e.Message}");
                }
            }

            if (handlers.Count == before && problems.Count == 0)
            {
                problems.Add($"{path}: the assembly has no public class implementing {nameof(IAslTaskHandler)}.");
            }
        }

        return problems.Count == 0 ? handlers : throw new IntegrationsConfigurationException(problems);
    }
}
