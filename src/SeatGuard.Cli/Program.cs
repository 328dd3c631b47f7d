using SeatGuard.Cli;

return await CliApp.RunAsync(args);
