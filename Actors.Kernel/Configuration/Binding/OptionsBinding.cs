namespace Actors.Kernel.Configuration.Binding;

/// <summary>Runs a binder over a config and throws once with every error (each naming its key).</summary>
public static class OptionsBinding
{
    public static T Bind<T>(Config config, Func<ConfigBinder, T> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var binder = new ConfigBinder(config);
        var result = bind(binder);
        return binder.Errors.Count == 0
            ? result
            : throw new ConfigurationException(string.Join("; ", binder.Errors));
    }
}
