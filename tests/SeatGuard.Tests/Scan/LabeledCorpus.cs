using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// The labeled corpus: every rule's positive cases (with the rule, path and line a scan must report)
/// and decoys that must report nothing. Tokens come from <see cref="FakeTokens"/> at run time.
/// </summary>
internal static class LabeledCorpus
{
    public sealed record Case(string Name, string Path, string Text, string? Rule, int Line = 0);

    private static string Oat => FakeTokens.OAuthPrefix;

    /// <summary>Positive cases: (rule, path, line) that must be found.</summary>
    public static IEnumerable<Case> Positives()
    {
        yield return new("api key in python", "src/config.py", $"import os\nKEY = \"{FakeTokens.ApiKey()}\"\n", "anthropic-api-key", 2);
        yield return new("admin key in env", "deploy/admin.env", $"ADMIN={FakeTokens.AdminKey()}\n", "anthropic-admin-key", 1);
        yield return new("oauth token 80", "notes/a.txt", $"token: {FakeTokens.OAuthToken(80)}\n", "claude-oauth-token", 1);
        yield return new("oauth token 120", "notes/b.md", $"\n\nexport T='{FakeTokens.OAuthToken(120)}'\n", "claude-oauth-token", 3);
        yield return new("refresh token in json", "dump/creds.json", $"{{\"refresh\": \"{FakeTokens.RefreshToken(100)}\"}}\n", "claude-refresh-token", 1);
        yield return new("workflow open to anyone", "repo1/.github/workflows/claude.yml", Workflow("issues", "\n          allowed_non_write_users: \"*\""), "workflow-oauth-open-to-anyone", 11);
        yield return new("workflow pull_request_target", "repo2/.github/workflows/review.yaml", Workflow("pull_request_target", ""), "workflow-oauth-open-to-anyone", 2);
        yield return new("workflow allowed bots *", "repo3/.github/workflows/bots.yml", Workflow("issue_comment", "\n          allowed_bots: '*'"), "workflow-oauth-open-to-anyone", 11);
        yield return new("workflow comment trigger", "repo4/.github/workflows/c.yml", Workflow("issue_comment", ""), "workflow-oauth-others-can-trigger", 2);
        yield return new("dockerfile env", "svc/Dockerfile", "FROM node:22\nENV CLAUDE_CODE_OAUTH_TOKEN=${TOKEN}\nCMD [\"claude\"]\n", "oauth-token-baked-into-image", 2);
        yield return new("dockerfile arg", "svc/worker.Dockerfile", "FROM node:22\narg CLAUDE_CODE_OAUTH_TOKEN\n", "oauth-token-baked-into-image", 2);
        yield return new("compose passes token", "stack/docker-compose.yml", "services:\n  bot:\n    image: bot\n    environment:\n      - CLAUDE_CODE_OAUTH_TOKEN\n", "oauth-token-passed-to-service", 5);
        yield return new("k8s secretKeyRef", "k8s/deploy.yaml", "apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - env:\n            - name: CLAUDE_CODE_OAUTH_TOKEN\n", "oauth-token-passed-to-service", 8);
        yield return new("systemd unit", "ops/agent.service", "[Service]\nEnvironment=CLAUDE_CODE_OAUTH_TOKEN=%d/token\n", "oauth-token-passed-to-service", 2);
        yield return new(".env file", "app/.env", "PORT=3000\nCLAUDE_CODE_OAUTH_TOKEN=\n", "oauth-token-passed-to-service", 2);
        yield return new("ecs task definition", "infra/task.json", "{\n  \"environment\": [\n    {\"name\": \"CLAUDE_CODE_OAUTH_TOKEN\", \"value\": \"x\"}\n  ]\n}\n", "oauth-token-passed-to-service", 3);
        yield return new("terraform reference", "infra/main.tf", "resource \"x\" \"y\" {\n  env = {\n    TOKEN = \"${CLAUDE_CODE_OAUTH_TOKEN}\"\n  }\n}\n", "oauth-token-passed-to-service", 3);
        yield return new("compose mounts ~/.claude", "dev/compose.yaml", "services:\n  agent:\n    volumes:\n      - ~/.claude:/home/node/.claude\n", "claude-config-mounted-in-container", 4);
        yield return new("docker run -v $HOME/.claude", "dev/run.sh", "#!/bin/sh\ndocker run -v $HOME/.claude:/root/.claude img\n", "claude-config-mounted-in-container", 2);
        yield return new("dockerfile copies .claude", "img/Dockerfile", "FROM debian\nCOPY .claude /root/.claude\n", "claude-config-mounted-in-container", 2);
        yield return new("devcontainer mount", "ws/.devcontainer/devcontainer.json", "{\n  \"mounts\": [\"source=${localEnv:HOME}/.claude,target=/home/vscode/.claude,type=bind\"]\n}\n", "claude-config-mounted-in-container", 2);
        yield return new("settings api key helper", "p1/.claude/settings.json", "{\n  \"apiKeyHelper\": \"~/bin/key.sh\"\n}\n", "project-settings-switch-billing", 2);
        yield return new("settings base url", "p2/.claude/settings.json", "{\n  \"env\": {\n    \"ANTHROPIC_BASE_URL\": \"https://gw.example\"\n  }\n}\n", "project-settings-switch-billing", 3);
        yield return new("settings auth token", "p3/.claude/settings.local.json", "{\"env\": {\"ANTHROPIC_AUTH_TOKEN\": \"gw-123\"}}\n", "project-settings-switch-billing", 1);
        yield return new("flask runs claude", "web/app.py", "from flask import Flask, request\nimport subprocess\napp = Flask(__name__)\n\n@app.post('/ask')\ndef ask():\n    out = subprocess.run([\"claude\", \"-p\", request.json['q']], capture_output=True)\n    return out.stdout\n", "claude-in-web-handler", 7);
        yield return new("express agent sdk", "web/server.mjs", "import express from 'express';\nimport { query } from '@anthropic-ai/claude-agent-sdk';\nconst app = express();\napp.post('/run', async (req, res) => { for await (const m of query({ prompt: req.body.q })) res.write(JSON.stringify(m)); });\n", "claude-in-web-handler", 2);
        yield return new("fastapi agent sdk", "api/main.py", "from fastapi import FastAPI\nfrom claude_agent_sdk import query\napp = FastAPI()\n", "claude-in-web-handler", 2);
        yield return new("aspnet process", "Api/Program.cs", "var app = WebApplication.Create();\napp.MapPost(\"/ask\", () => Process.Start(new ProcessStartInfo(\"claude\", \"-p hi\")));\n", "claude-in-web-handler", 2);
        yield return new("slack bolt bot", "bot/bot.py", "from slack_bolt import App\nimport subprocess\napp = App()\n@app.message('ask')\ndef ask(message, say):\n    say(subprocess.check_output(['claude', '-p', message['text']]))\n", "claude-in-chat-bot", 6);
        yield return new("discord bot", "bot/index.js", "const { Client } = require('discord.js');\nconst { spawn } = require('child_process');\nclient.on('messageCreate', m => spawn('claude', ['-p', m.content]));\n", "claude-in-chat-bot", 3);
        yield return new("reads credentials file", "tools/steal.py", "import json, os\ncreds = json.load(open(os.path.expanduser('~/.claude/.credentials.json')))\n", "reads-claude-credentials", 2);
        yield return new("reads claudeAiOauth", "tools/tok.ts", "const t = JSON.parse(raw).claudeAiOauth.accessToken;\n", "reads-claude-credentials", 1);
        yield return new("keychain item", "tools/mac.sh", "security find-generic-password -s \"Claude Code-credentials\" -w\n", "reads-claude-credentials", 1);
        yield return new("impersonation user agent", "proxy/index.ts", "const headers = {\n  'user-agent': 'claude-cli/2.1.0 (external, cli)',\n};\n", "claude-code-impersonation", 2);
        yield return new("impersonation beta", "proxy/p.go", "req.Header.Set(\"anthropic-beta\", \"oauth-2025-04-20\")\n", "claude-code-impersonation", 1);
        yield return new("impersonation system prompt", "proxy/sys.py", "SYSTEM = \"You are Claude Code, Anthropic's official CLI for Claude.\"\n", "claude-code-impersonation", 1);
    }

    /// <summary>Decoys: look close, must not be reported by any rule.</summary>
    public static IEnumerable<Case> Decoys()
    {
        yield return new("placeholder dots", "d/readme.md", $"Set CLAUDE_TOKEN to `{Oat}...` from claude setup-token.\n", null);
        yield return new("placeholder words", "d/example.txt", $"{Oat}{"YOUR_TOKEN_HERE_REPLACE_ME".PadRight(90, 'x')}\n", null);
        yield return new("too short oauth", "d/short.txt", $"{Oat}{FakeTokens.Body(40)}\n", null);
        yield return new("too long oauth", "d/long.txt", $"{Oat}{FakeTokens.Body(160)}\n", null);
        yield return new("api key wrong suffix", "d/suffix.py", $"K = '{FakeTokens.ApiKeyPrefix}{FakeTokens.Body(93)}ZZ'\n", null);
        yield return new("api key too short", "d/apishort.py", $"K = '{FakeTokens.ApiKeyPrefix}{FakeTokens.Body(50)}AA'\n", null);
        yield return new("repeated characters", "d/repeat.txt", $"{Oat}{new string('a', 95)}\n", null);
        yield return new("sequence", "d/seq.txt", $"{Oat}abcdefghij{FakeTokens.Body(85)}\n", null);
        yield return new("low entropy", "d/low.txt", $"{Oat}{string.Concat(Enumerable.Repeat("ab01", 24))}\n", null);
        yield return new("prefix inside word", "d/word.txt", $"mask-ant-oat01-{FakeTokens.Body(95)}\n", null);
        yield return new("workflow with api key", "ok1/.github/workflows/claude.yml", Workflow("issue_comment", "", "anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}"), null);
        yield return new("workflow without claude", "ok2/.github/workflows/ci.yml", "on: push\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: dotnet test\n", null);
        yield return new("dockerfile without token", "ok/Dockerfile", "FROM node:22\nRUN npm i -g @anthropic-ai/claude-code\nENV CLAUDE_CONFIG_DIR=/data\n", null);
        yield return new("compose api key", "ok/docker-compose.yml", "services:\n  a:\n    environment:\n      - ANTHROPIC_API_KEY\n", null);
        yield return new("compose mounts project dir", "ok/compose.yaml", "services:\n  a:\n    volumes:\n      - ./.claude-cache:/cache\n", null);
        yield return new("settings permissions only", "ok/.claude/settings.json", "{\n  \"permissions\": {\"allow\": [\"Bash(npm test)\"]},\n  \"env\": {\"DISABLE_TELEMETRY\": \"1\"}\n}\n", null);
        yield return new("settings empty key", "ok2/.claude/settings.json", "{\"env\": {\"ANTHROPIC_API_KEY\": \"\"}}\n", null);
        yield return new("settings key name elsewhere", "ok/settings.json", "{\"env\": {\"ANTHROPIC_API_KEY\": \"x\"}}\n", null);
        yield return new("claude cli script without server", "ok-script/run.py", "import subprocess\nsubprocess.run(['claude', '-p', 'summarise my notes'])\n", null);
        yield return new("flask without claude", "ok-web/web.py", "from flask import Flask\napp = Flask(__name__)\n@app.route('/')\ndef hi():\n    return 'claude says hi'\n", null);
        yield return new("docs mention credentials", "ok/notes.md", "Claude Code keeps its login in ~/.claude/.credentials.json (claudeAiOauth).\n", null);
        yield return new("python mentions claude", "ok-lib/lib.py", "# claude is a name\nname = 'claude'\n", null);
        yield return new("admin key wrong suffix", "d/admin.env", $"A={FakeTokens.AdminKeyPrefix}{FakeTokens.Body(93)}BB\n", null);
        yield return new("refresh token too short", "d/refresh.json", $"{{\"r\": \"{FakeTokens.RefreshPrefix}{FakeTokens.Body(60)}\"}}\n", null);
        yield return new("slack bot without claude", "ok-bot/bot.py", "from slack_bolt import App\nimport subprocess\napp = App()\n@app.message('hi')\ndef hi(message, say):\n    say(subprocess.check_output(['fortune']))\n", null);
        yield return new("own client identity", "ok-client/client.ts", "const model = 'claude-sonnet-4-5';\nconst headers = { 'user-agent': 'acme-cli/1.0', 'x-api-key': process.env.ANTHROPIC_API_KEY };\n", null);
        yield return new("yaml prose mentions the variable", "ok/notes.yaml", "description: Never put CLAUDE_CODE_OAUTH_TOKEN in a shared service.\nsee: the CLAUDE_CODE_OAUTH_TOKEN docs\n", null);
        yield return new("allowed line", "ok/allowed.py", $"T = '{FakeTokens.OAuthToken()}'  # seatguard:allow revoked test token\n", null);
    }

    public static string Workflow(string trigger, string extraWith, string credential = "claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}") =>
        $"on:\n  {trigger}:\n    types: [created]\njobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          {credential}{extraWith}\n";

    public static IEnumerable<Case> All() => Positives().Concat(Decoys());
}
