return Analytics.Cli.CommandLine.Run(args);
