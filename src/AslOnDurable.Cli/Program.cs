using AslOnDurable.Cli;

return AslApplication.Run(args, Console.Out, Console.Error, Console.IsOutputRedirected);
