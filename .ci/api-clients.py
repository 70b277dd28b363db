#!/usr/bin/env python3
"""Drives `asl serve` with real AWS clients: boto3 (always) and the AWS CLI (`aws`, when on PATH).

Starts `asl serve --port 0` (loopback, embedded backend), reads the URL from its ready line, runs a whole client
workflow (create, describe, list, update, validate, start, describe, history, list by status, stop, errors,
EXPRESS sync starts, a nested `.sync:2` start, redrive, activities with a worker loop, TestState, tags, versions and
aliases, distributed Map runs over an `--items-folder`), stops the server with SIGTERM and checks it exits 0.
Then, with Azurite (AZURITE_PATH or .ci/node_modules), `asl serve --storage <Azurite on free ports>`: a machine and an
execution made by one server are described, listed and their history served by a second one on the same storage.
Each check counts once; writes "<passed> <failed>" to --counts for .ci/run's closing line.

    python3 .ci/api-clients.py --asl src/AslOnDurable.Cli/bin/Release/net10.0/asl.dll [--counts FILE]
"""
import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROLE = "arn:aws:iam::123456789012:role/StepFunctionsRole"
# The Debian package (AWS CLI v2) that .ci/install-tools.sh installs, else whatever `aws` is on PATH.
AWS_CLI = os.environ.get("AWS_CLI") or ("/usr/bin/aws" if os.path.exists("/usr/bin/aws") else shutil.which("aws"))
passed = 0
failed = 0


def definition(group, name):
    with open(os.path.join(ROOT, "tests", "Definitions", group, name + ".asl.json"), encoding="utf-8") as f:
        return f.read()


def check(title, fn):
    global passed, failed
    try:
        fn()
        passed += 1
        print(f"  ok    {title}")
    except Exception as e:  # a failed check is reported and counted, the workflow goes on
        failed += 1
        print(f"  FAIL  {title}: {type(e).__name__}: {e}")


def expect(condition, message):
    if not condition:
        raise AssertionError(message)


def start_server(asl, env, extra=()):
    proc = subprocess.Popen(["dotnet", asl, "serve", "--port", "0", *extra], stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, env=env)
    deadline = time.time() + 120
    while time.time() < deadline:
        line = proc.stdout.readline()
        if not line:
            break
        print("  serve: " + line.rstrip())
        if line.startswith("serving "):
            return proc, line.split()[1]
    proc.kill()
    raise RuntimeError("asl serve did not report ready")


def wait_status(sfn, arn, waiting):
    deadline = time.time() + 60
    while time.time() < deadline:
        d = sfn.describe_execution(executionArn=arn)
        if d["status"] not in waiting:
            return d
        time.sleep(0.05)
    raise AssertionError(f"{arn} still {' or '.join(waiting)} after 60 s")


def wait_done(sfn, arn):
    return wait_status(sfn, arn, ("RUNNING", "PENDING_REDRIVE"))


def error_code(fn):
    try:
        fn()
    except Exception as e:  # botocore.exceptions.ClientError
        return e.response["Error"]["Code"]
    return None


def boto3_workflow(url, items):
    import boto3
    sfn = boto3.client("stepfunctions", endpoint_url=url, region_name="us-east-1",
                       aws_access_key_id="test", aws_secret_access_key="test")
    state = {}

    def create():
        r = sfn.create_state_machine(name="greeter", definition=definition("api", "greet"), roleArn=ROLE)
        expect(r["stateMachineArn"] == "arn:aws:states:us-east-1:123456789012:stateMachine:greeter", r)
        state["sm"] = r["stateMachineArn"]
    check("boto3 create_state_machine", create)

    def describe():
        d = sfn.describe_state_machine(stateMachineArn=state["sm"])
        expect(d["name"] == "greeter" and d["type"] == "STANDARD" and d["status"] == "ACTIVE", d)
        expect(d["creationDate"].year >= 2024, d["creationDate"])
    check("boto3 describe_state_machine", describe)

    def variable_references():
        text = json.dumps({"StartAt": "Set", "States": {
            "Set": {"Type": "Pass", "Assign": {"who": "boto3"}, "Next": "Use"},
            "Use": {"Type": "Pass", "Parameters": {"greeting.$": "States.Format('hi {}', $who)"}, "End": True}}})
        arn = sfn.create_state_machine(name="vars", definition=text, roleArn=ROLE)["stateMachineArn"]
        d = sfn.describe_state_machine(stateMachineArn=arn)
        expect(d.get("variableReferences") == {"Use": ["who"]}, d)
        m = sfn.describe_state_machine(stateMachineArn=arn, includedData="METADATA_ONLY")
        expect(m["definition"] == "{}" and "variableReferences" not in m, m)
        sfn.delete_state_machine(stateMachineArn=arn)
    check("boto3 describe_state_machine variableReferences / includedData", variable_references)

    def list_machines():
        names = [m["name"] for p in sfn.get_paginator("list_state_machines").paginate(PaginationConfig={"PageSize": 1})
                 for m in p["stateMachines"]]
        expect("greeter" in names, names)
    check("boto3 list_state_machines (paginator)", list_machines)

    def update():
        r = sfn.update_state_machine(stateMachineArn=state["sm"], definition=definition("api", "greet"), roleArn=ROLE)
        expect(sfn.describe_state_machine(stateMachineArn=state["sm"])["revisionId"] == r["revisionId"], r)
    check("boto3 update_state_machine (revision)", update)

    def validate():
        r = sfn.validate_state_machine_definition(definition=definition("api", "invalid"))
        expect(r["result"] == "FAIL" and any(d["code"] == "MISSING_TRANSITION_TARGET" for d in r["diagnostics"]), r)
    check("boto3 validate_state_machine_definition", validate)

    def run():
        r = sfn.start_execution(stateMachineArn=state["sm"], name="run-1", input=json.dumps({"who": "boto3"}))
        d = wait_done(sfn, r["executionArn"])
        expect(d["status"] == "SUCCEEDED" and json.loads(d["output"]) == {"greeting": "Hello, boto3!"}, d)
        state["exec"] = r["executionArn"]
    check("boto3 start_execution + describe_execution", run)

    def idempotent():
        code = error_code(lambda: sfn.start_execution(stateMachineArn=state["sm"], name="run-1", input="{}"))
        expect(code == "ExecutionAlreadyExists", code)
    check("boto3 same name, other input: ExecutionAlreadyExists", idempotent)

    def history():
        events = [e for p in sfn.get_paginator("get_execution_history").paginate(executionArn=state["exec"],
                                                                               PaginationConfig={"PageSize": 3})
                  for e in p["events"]]
        types = [e["type"] for e in events]
        expect(types[0] == "ExecutionStarted" and types[-1] == "ExecutionSucceeded", types)
        expect("PassStateEntered" in types and events[1]["stateEnteredEventDetails"]["name"] == "Build", events[1])
    check("boto3 get_execution_history (paginator)", history)

    def list_execs():
        r = sfn.list_executions(stateMachineArn=state["sm"], statusFilter="SUCCEEDED")
        expect([e["name"] for e in r["executions"]] == ["run-1"], r)
    check("boto3 list_executions statusFilter", list_execs)

    def stop():
        sm = sfn.create_state_machine(name="waiter", definition=definition("api", "wait-hour"), roleArn=ROLE)["stateMachineArn"]
        arn = sfn.start_execution(stateMachineArn=sm, name="w")["executionArn"]
        sfn.stop_execution(executionArn=arn, error="Manual", cause="test")
        d = wait_done(sfn, arn)
        expect(d["status"] == "ABORTED" and d["error"] == "Manual", d)
        state["stopped"] = arn
    check("boto3 stop_execution", stop)

    def redrive():
        arn = state["stopped"]
        d = sfn.describe_execution(executionArn=arn)
        expect(d["redriveStatus"] == "REDRIVABLE" and d["redriveCount"] == 0, d)
        r = sfn.redrive_execution(executionArn=arn, clientToken="redrive-1")  # boto3 makes a token when none is given
        again = sfn.redrive_execution(executionArn=arn, clientToken="redrive-1")
        expect(again["redriveDate"] == r["redriveDate"], (r, again))
        d = wait_status(sfn, arn, ("PENDING_REDRIVE",))  # AWS's status until the redriven run starts
        expect(d["status"] == "RUNNING" and d["redriveCount"] == 1 and d["redriveDate"] == r["redriveDate"], d)
        expect(d["redriveStatus"] == "NOT_REDRIVABLE" and "RUNNING" in d["redriveStatusReason"], d)
        listed = sfn.list_executions(stateMachineArn=d["stateMachineArn"], redriveFilter="REDRIVEN")["executions"]
        expect([e["name"] for e in listed] == ["w"] and listed[0]["redriveCount"] == 1, listed)
        events = sfn.get_execution_history(executionArn=arn)["events"]
        redriven = [e for e in events if e["type"] == "ExecutionRedriven"]
        expect(len(redriven) == 1 and redriven[0]["executionRedrivenEventDetails"]["redriveCount"] == 1, events)
        expect(events[redriven[0]["id"] - 2]["type"] == "ExecutionAborted", events)
        sfn.stop_execution(executionArn=arn)
        expect(wait_done(sfn, arn)["status"] == "ABORTED", "stopped again")
        try:
            sfn.redrive_execution(executionArn=state["exec"])
            raise AssertionError("a SUCCEEDED execution was redriven")
        except sfn.exceptions.ExecutionNotRedrivable as e:
            expect("SUCCEEDED" in str(e), str(e))
        expect(error_code(lambda: sfn.redrive_execution(executionArn=arn.replace(":w", ":none"))) == "ExecutionDoesNotExist", "missing")
    check("boto3 redrive_execution (stopped execution, client token, redriveFilter, ExecutionRedriven, ExecutionNotRedrivable)", redrive)

    def errors():
        missing = "arn:aws:states:us-east-1:123456789012:stateMachine:nobody"
        expect(error_code(lambda: sfn.describe_state_machine(stateMachineArn=missing)) == "StateMachineDoesNotExist", "describe")
        expect(error_code(lambda: sfn.create_state_machine(name="bad", definition=definition("api", "invalid"), roleArn=ROLE))
               == "InvalidDefinition", "invalid definition")
        expect(error_code(lambda: sfn.describe_execution(executionArn="nope")) == "InvalidArn", "arn")
        try:
            sfn.describe_state_machine(stateMachineArn=missing)
        except sfn.exceptions.StateMachineDoesNotExist:
            pass
    check("boto3 errors as modeled exceptions", errors)

    # StartSyncExecution's and TestState's models put "sync-" before the endpoint's host name; a local endpoint needs that off.
    from botocore.config import Config
    sync = boto3.client("stepfunctions", endpoint_url=url, region_name="us-east-1", aws_access_key_id="test",
                        aws_secret_access_key="test", config=Config(inject_host_prefix=False))

    def express():
        sm = sfn.create_state_machine(name="quick", definition=definition("api", "greet"), roleArn=ROLE, type="EXPRESS")["stateMachineArn"]
        r = sync.start_sync_execution(stateMachineArn=sm, input=json.dumps({"who": "sync"}))
        expect(r["status"] == "SUCCEEDED" and json.loads(r["output"]) == {"greeting": "Hello, sync!"}, r)
    check("boto3 start_sync_execution (EXPRESS)", express)

    def nested():
        child = sfn.create_state_machine(name="child", definition=definition("nested", "child-echo"), roleArn=ROLE)["stateMachineArn"]
        parent = sfn.create_state_machine(name="parent", definition=definition("nested", "parent"), roleArn=ROLE)["stateMachineArn"]
        arn = sfn.start_execution(stateMachineArn=parent, name="p",
                                  input=json.dumps({"arn": child, "input": {"n": 1}, "name": "child-run"}))["executionArn"]
        d = wait_done(sfn, arn)
        expect(d["status"] == "SUCCEEDED", d)
        out = json.loads(d["output"])
        expect(out["child"]["Output"]["input"] == {"n": 1} and out["child"]["Status"] == "SUCCEEDED", out)
    check("boto3 nested states:startExecution.sync:2 of a registered machine", nested)
    activity_workflow(sfn)
    test_state_workflow(sync)
    tag_workflow(sfn, state["sm"])
    version_workflow(sfn)
    map_run_workflow(sfn, items)


def map_run_workflow(sfn, items):
    os.makedirs(os.path.join(items, "data"), exist_ok=True)
    with open(os.path.join(items, "data", "items.jsonl"), "w", encoding="utf-8") as f:
        f.write('{"fail":false}\n{"fail":true}\n{"fail":false}\n{"fail":false}\n')
    with open(os.path.join(items, "data", "items.json"), "w", encoding="utf-8") as f:
        f.write('[{"n":1},{"n":2},{"n":3}]')
    state = {}

    def express():
        sm = sfn.create_state_machine(name="map-express", definition=definition("api", "map-run-express"), roleArn=ROLE)["stateMachineArn"]
        r = sfn.start_execution(stateMachineArn=sm, name="m1", input=json.dumps({"key": "items.jsonl"}))
        d = wait_done(sfn, r["executionArn"])
        expect(d["status"] == "SUCCEEDED", d)
        runs = sfn.list_map_runs(executionArn=r["executionArn"])["mapRuns"]
        expect(len(runs) == 1 and runs[0]["stateMachineArn"].endswith(":stateMachine:map-express/proc"), runs)
        m = sfn.describe_map_run(mapRunArn=runs[0]["mapRunArn"])
        expect(m["status"] == "SUCCEEDED" and m["executionArn"] == r["executionArn"] and m["maxConcurrency"] == 7, m)
        expect(m["itemCounts"]["total"] == 4 and m["itemCounts"]["failed"] == 1 and m["itemCounts"]["succeeded"] == 3, m)
        expect(m["toleratedFailurePercentage"] == 50 and m["stopDate"] >= m["startDate"], m)
        state["run"] = runs[0]["mapRunArn"]
    check("boto3 list_map_runs / describe_map_run (EXPRESS children)", express)

    def standard():
        sm = sfn.create_state_machine(name="map-standard", definition=definition("map-runs", "standard-output"), roleArn=ROLE)["stateMachineArn"]
        r = sfn.start_execution(stateMachineArn=sm, name="m2", input="{}")
        expect(wait_done(sfn, r["executionArn"])["status"] == "SUCCEEDED", r)
        run = sfn.list_map_runs(executionArn=r["executionArn"])["mapRuns"][0]["mapRunArn"]
        children = [e for p in sfn.get_paginator("list_executions").paginate(mapRunArn=run, PaginationConfig={"PageSize": 2})
                    for e in p["executions"]]
        expect(len(children) == 3 and all(c["mapRunArn"] == run and c["status"] == "SUCCEEDED" for c in children), children)
        child = sfn.describe_execution(executionArn=children[0]["executionArn"])
        expect(child["status"] == "SUCCEEDED" and ":execution:map-standard/Process:" in child["executionArn"], child)
    check("boto3 list_executions(mapRunArn=...) lists STANDARD children", standard)

    def errors():
        none = "arn:aws:states:us-east-1:123456789012:mapRun:none/x:00000000-0000-0000-0000-000000000000"
        expect(error_code(lambda: sfn.describe_map_run(mapRunArn=none)) == "ResourceNotFound", "describe unknown")
        expect(error_code(lambda: sfn.describe_map_run(mapRunArn="arn:aws:states:us-east-1:123456789012:execution:a:b")) == "InvalidArn", "bad arn")
        expect(error_code(lambda: sfn.update_map_run(mapRunArn=state["run"], maxConcurrency=2)) == "ValidationException", "closed run")
        expect(error_code(lambda: sfn.update_map_run(mapRunArn=none, toleratedFailurePercentage=150)) == "ValidationException", "range")
    check("boto3 map run errors (ResourceNotFound, InvalidArn, ValidationException)", errors)


def version_workflow(sfn):
    def versions_and_aliases():
        one = definition("api", "greet")
        r = sfn.create_state_machine(name="versioned", definition=one, roleArn=ROLE, publish=True, versionDescription="v1")
        sm, v1 = r["stateMachineArn"], r["stateMachineVersionArn"]
        expect(v1 == sm + ":1", r)
        two = json.loads(one)
        two["Comment"] = "second revision"
        sfn.update_state_machine(stateMachineArn=sm, definition=json.dumps(two))
        v2 = sfn.publish_state_machine_version(stateMachineArn=sm, description="v2")["stateMachineVersionArn"]
        listed = [v["stateMachineVersionArn"] for v in sfn.list_state_machine_versions(stateMachineArn=sm)["stateMachineVersions"]]
        expect(listed == [v2, v1], listed)
        expect(sfn.describe_state_machine(stateMachineArn=v1)["description"] == "v1", "version describe")
        alias = sfn.create_state_machine_alias(name="live", routingConfiguration=[
            {"stateMachineVersionArn": v1, "weight": 80}, {"stateMachineVersionArn": v2, "weight": 20}])["stateMachineAliasArn"]
        expect(alias == sm + ":live", alias)
        sfn.update_state_machine_alias(stateMachineAliasArn=alias, description="all on v2",
                                       routingConfiguration=[{"stateMachineVersionArn": v2, "weight": 100}])
        d = sfn.describe_state_machine_alias(stateMachineAliasArn=alias)
        expect(d["routingConfiguration"] == [{"stateMachineVersionArn": v2, "weight": 100}], d)
        expect([a["stateMachineAliasArn"] for a in sfn.list_state_machine_aliases(stateMachineArn=sm)["stateMachineAliases"]] == [alias], "aliases")
        e = wait_done(sfn, sfn.start_execution(stateMachineArn=alias, name="via-alias", input=json.dumps({"who": "alias"}))["executionArn"])
        expect(e["status"] == "SUCCEEDED" and e["stateMachineVersionArn"] == v2 and e["stateMachineAliasArn"] == alias, e)
        e = wait_done(sfn, sfn.start_execution(stateMachineArn=v1, name="via-version", input=json.dumps({"who": "v1"}))["executionArn"])
        expect(e["stateMachineVersionArn"] == v1 and "stateMachineAliasArn" not in e, e)
        expect(error_code(lambda: sfn.delete_state_machine_version(stateMachineVersionArn=v2)) == "ConflictException", "in use")
        sfn.delete_state_machine_alias(stateMachineAliasArn=alias)
        sfn.delete_state_machine_version(stateMachineVersionArn=v2)
        expect(error_code(lambda: sfn.describe_state_machine_alias(stateMachineAliasArn=alias)) == "ResourceNotFound", "deleted alias")
    check("boto3 versions and aliases (publish, list, describe, alias routing, start by version/alias, deletes)", versions_and_aliases)


def tag_workflow(sfn, machine):
    def tags():
        sfn.tag_resource(resourceArn=machine, tags=[{"key": "team", "value": "a"}, {"key": "env", "value": "dev"}])
        sfn.untag_resource(resourceArn=machine, tagKeys=["team"])
        listed = sfn.list_tags_for_resource(resourceArn=machine)["tags"]
        expect(listed == [{"key": "env", "value": "dev"}], listed)
        act = sfn.create_activity(name="tagged", tags=[{"key": "k", "value": "v"}])["activityArn"]
        expect(sfn.list_tags_for_resource(resourceArn=act)["tags"] == [{"key": "k", "value": "v"}], "activity tags")
        code = error_code(lambda: sfn.tag_resource(resourceArn=act, tags=[{"key": f"k{i}", "value": "v"} for i in range(50)]))
        expect(code == "TooManyTags", code)
        code = error_code(lambda: sfn.list_tags_for_resource(resourceArn="arn:aws:states:us-east-1:123456789012:stateMachine:none"))
        expect(code == "ResourceNotFound", code)
    check("boto3 tag_resource, untag_resource, list_tags_for_resource (machines, activities, errors)", tags)


def test_state_workflow(sfn):
    def pass_state():
        r = sfn.test_state(definition=json.dumps({"Type": "Pass", "Result": {"x": 1}, "ResultPath": "$.r", "Next": "After"}),
                           roleArn=ROLE, input=json.dumps({"a": 1}), inspectionLevel="DEBUG")
        expect(r["status"] == "SUCCEEDED" and r["nextState"] == "After", r)
        expect(json.loads(r["output"]) == {"a": 1, "r": {"x": 1}}, r)
        expect(json.loads(r["inspectionData"]["input"]) == {"a": 1}, r)
    check("boto3 test_state Pass (DEBUG)", pass_state)

    def task_mock():
        task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke",
                "Retry": [{"ErrorEquals": ["Boom"], "IntervalSeconds": 2}],
                "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Handler"}], "End": True}
        r = sfn.test_state(definition=json.dumps(task), input="{}",
                           mock={"errorOutput": {"error": "Boom", "cause": "bad"}})
        expect(r["status"] == "RETRIABLE" and r["error"] == "Boom", r)
        r = sfn.test_state(definition=json.dumps(task), input="{}", mock={"result": json.dumps({"Payload": 7})})
        expect(r["status"] == "SUCCEEDED" and json.loads(r["output"]) == {"Payload": 7}, r)
        code = error_code(lambda: sfn.test_state(definition=json.dumps({"Type": "Pass"}), input="{}"))
        expect(code == "InvalidDefinition", code)
    check("boto3 test_state Task with mocks (RETRIABLE, SUCCEEDED) and InvalidDefinition", task_mock)

    def data_flow():
        state = {"Type": "Pass", "InputPath": "$.in", "Parameters": {"sum.$": "States.MathAdd($.n, $base)"},
                 "Assign": {"last.$": "$.sum"}, "ResultPath": "$.out", "End": True}
        r = sfn.test_state(definition=json.dumps(state), input=json.dumps({"in": {"n": 2}}), inspectionLevel="DEBUG",
                           variables=json.dumps({"base": 40}))
        data = r["inspectionData"]
        expect(json.loads(data["afterInputPath"]) == {"n": 2}, data)
        expect(json.loads(data["afterParameters"]) == {"sum": 42}, data)
        expect(json.loads(data["afterResultPath"]) == {"in": {"n": 2}, "out": {"sum": 42}}, data)  # ResultPath goes into the raw input
        expect(json.loads(data["variables"]) == {"base": 40, "last": 42}, data)
        r = sfn.test_state(definition=json.dumps({"Type": "Map", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}},
                                                  "ItemsPath": "$.xs", "MaxConcurrency": 3, "End": True}),
                           input=json.dumps({"xs": [1, 2]}), inspectionLevel="DEBUG", mock={"result": "[2,4]"})
        expect(r["status"] == "SUCCEEDED" and json.loads(r["output"]) == [2, 4], r)
        expect(json.loads(r["inspectionData"]["afterItemsPath"]) == [1, 2] and r["inspectionData"]["maxConcurrency"] == 3, r)
        code = error_code(lambda: sfn.test_state(definition=json.dumps({"Type": "Pass", "End": True}), variables="[1]"))
        expect(code == "ValidationException", code)
    check("boto3 test_state data flow (DEBUG: every step, variables), Map with a mock, bad variables", data_flow)

    def context_map_validation():
        task = {"Type": "Task", "Resource": "arn:aws:states:::lambda:invoke", "Parameters": {"FunctionName": "f"},
                "ResultSelector": {"run.$": "$$.Execution.Name", "v.$": "$.StatusCode"}, "End": True}
        r = sfn.test_state(definition=json.dumps(task), input="{}", mock={"result": json.dumps({"StatusCode": 200})},
                           context=json.dumps({"Execution": {"Name": "given-run"}}))
        expect(json.loads(r["output"]) == {"run": "given-run", "v": 200}, r)
        code = error_code(lambda: sfn.test_state(definition=json.dumps(task), input="{}", mock={"result": "{}"},
                                                 context=json.dumps({"Map": {}})))
        expect(code == "ValidationException", code)
        code = error_code(lambda: sfn.test_state(definition=json.dumps(task), input="{}",
                                                 mock={"result": json.dumps({"StatusCode": "200"}), "fieldValidationMode": "STRICT"}))
        expect(code == "ValidationException", code)
        r = sfn.test_state(definition=json.dumps(task), input="{}",
                           mock={"result": json.dumps({"StatusCode": "200"}), "fieldValidationMode": "NONE"})
        expect(r["status"] == "SUCCEEDED", r)
        state = {"Type": "Map", "ItemsPath": "$.xs", "ItemSelector": {"v.$": "$$.Map.Item.Value", "i.$": "$$.Map.Item.Index"},
                 "MaxConcurrencyPath": "$.mc", "ToleratedFailureCount": 1,
                 "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}},
                 "Catch": [{"ErrorEquals": ["States.ExceedToleratedFailureThreshold"], "Next": "Over"}], "End": True}
        r = sfn.test_state(definition=json.dumps(state), input=json.dumps({"xs": [5, 6], "mc": 4}), inspectionLevel="DEBUG",
                           mock={"result": "[1,1]"}, stateConfiguration={"mapIterationFailureCount": 1})
        data = r["inspectionData"]
        expect(r["status"] == "SUCCEEDED" and data["maxConcurrency"] == 4 and data["toleratedFailureCount"] == 1, r)
        expect(json.loads(data["afterItemSelector"]) == [{"v": 5, "i": 0}, {"v": 6, "i": 1}], data)
        r = sfn.test_state(definition=json.dumps(state), input=json.dumps({"xs": [5, 6], "mc": 4}),
                           mock={"result": "[1,1]"}, stateConfiguration={"mapIterationFailureCount": 2})
        expect(r["status"] == "CAUGHT_ERROR" and r["error"] == "States.ExceedToleratedFailureThreshold" and r["nextState"] == "Over", r)
    check("boto3 test_state context, fieldValidationMode, Map afterItemSelector/limits/mapIterationFailureCount", context_map_validation)

    def map_item_reader():
        state = {"Type": "Map",
                 "ItemReader": {"Resource": "arn:aws:states:::s3:getObject", "ReaderConfig": {"InputType": "JSON", "ItemsPointer": "/catalog/items"},
                                "Parameters": {"Bucket": "b", "Key": "k"}},
                 "ItemSelector": {"n.$": "$$.Map.Item.Value.n"}, "ItemBatcher": {"MaxItemsPerBatch": 2},
                 "ItemProcessor": {"ProcessorConfig": {"Mode": "DISTRIBUTED", "ExecutionType": "EXPRESS"},
                                   "StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}}, "End": True}
        data = json.dumps({"catalog": {"items": [{"n": 1}, {"n": 2}, {"n": 3}]}})
        r = sfn.test_state(definition=json.dumps(state), input="{}", inspectionLevel="DEBUG", mock={"result": "[]"},
                           stateConfiguration={"mapItemReaderData": data})
        inspection = r["inspectionData"]
        expect(r["status"] == "SUCCEEDED" and json.loads(inspection["afterItemsPointer"]) == [{"n": 1}, {"n": 2}, {"n": 3}], r)
        expect(json.loads(inspection["afterItemBatcher"]) == [{"Items": [{"n": 1}, {"n": 2}]}, {"Items": [{"n": 3}]}], inspection)
        failing = {"Type": "Map", "ItemsPath": "$.missing", "ItemProcessor": {"StartAt": "P", "States": {"P": {"Type": "Pass", "End": True}}},
                   "Catch": [{"ErrorEquals": ["States.ALL"], "Next": "Caught"}], "End": True}
        r = sfn.test_state(definition=json.dumps(failing), input="{}", mock={"result": "[]"})
        expect(r["status"] == "FAILED" and r["error"] == "States.Runtime", r)
    check("boto3 test_state Map ItemReader (mapItemReaderData, afterItemsPointer, afterItemBatcher), failing ItemsPath", map_item_reader)


def activity_workflow(sfn):
    import threading
    state = {}

    def create():
        r = sfn.create_activity(name="resize")
        expect(r["activityArn"] == "arn:aws:states:us-east-1:123456789012:activity:resize", r)
        again = sfn.create_activity(name="resize")
        expect(again["activityArn"] == r["activityArn"] and again["creationDate"] == r["creationDate"], again)
        d = sfn.describe_activity(activityArn=r["activityArn"])
        expect(d["name"] == "resize" and d["creationDate"] == r["creationDate"], d)
        names = [a["name"] for p in sfn.get_paginator("list_activities").paginate(PaginationConfig={"PageSize": 1})
                 for a in p["activities"]]
        expect("resize" in names, names)
        state["activity"] = r["activityArn"]
    check("boto3 create/describe/list activities", create)

    def worker_loop():
        sm = sfn.create_state_machine(name="with-activity", roleArn=ROLE,
                                      definition=definition("api", "activity").replace("ACTIVITY_ARN", state["activity"]))["stateMachineArn"]
        results = []

        def worker():
            # The worker loop AWS documents: poll, heartbeat, answer; an empty poll has no taskToken.
            while len(results) < 2:
                task = sfn.get_activity_task(activityArn=state["activity"], workerName="py-worker")
                if not task.get("taskToken"):
                    continue
                job = json.loads(task["input"])["job"]
                sfn.send_task_heartbeat(taskToken=task["taskToken"])
                if job == "bad":
                    sfn.send_task_failure(taskToken=task["taskToken"], error="Job.Bad", cause="refused")
                else:
                    sfn.send_task_success(taskToken=task["taskToken"], output=json.dumps({"resized": job}))
                results.append(job)

        t = threading.Thread(target=worker, daemon=True)
        t.start()
        good = sfn.start_execution(stateMachineArn=sm, name="a-1", input=json.dumps({"job": "cat.png"}))["executionArn"]
        d = wait_done(sfn, good)
        expect(d["status"] == "SUCCEEDED" and json.loads(d["output"]) == {"resized": "cat.png"}, d)
        bad = sfn.start_execution(stateMachineArn=sm, name="a-2", input=json.dumps({"job": "bad"}))["executionArn"]
        d = wait_done(sfn, bad)
        expect(d["status"] == "FAILED" and d["error"] == "Job.Bad", d)
        t.join(timeout=30)
        types = [e["type"] for e in sfn.get_execution_history(executionArn=good)["events"]]
        expect(types[2:5] == ["ActivityScheduled", "ActivityStarted", "ActivitySucceeded"], types)
        started = sfn.get_execution_history(executionArn=good)["events"][3]
        expect(started["activityStartedEventDetails"]["workerName"] == "py-worker", started)
    check("boto3 activity worker loop (get_activity_task, heartbeat, success, failure)", worker_loop)

    def errors():
        missing = "arn:aws:states:us-east-1:123456789012:activity:none"
        expect(error_code(lambda: sfn.describe_activity(activityArn=missing)) == "ActivityDoesNotExist", "describe")
        expect(error_code(lambda: sfn.get_activity_task(activityArn=missing)) == "ActivityDoesNotExist", "get task")
        expect(error_code(lambda: sfn.create_activity(name="bad name")) == "InvalidName", "name")
        try:
            sfn.describe_activity(activityArn=missing)
        except sfn.exceptions.ActivityDoesNotExist:
            pass
        sfn.delete_activity(activityArn=state["activity"])
        expect(error_code(lambda: sfn.describe_activity(activityArn=state["activity"])) == "ActivityDoesNotExist", "deleted")
    check("boto3 activity errors and delete_activity", errors)


def cli_workflow(url, env):
    def aws(*args):
        r = subprocess.run([AWS_CLI, "stepfunctions", *args, "--endpoint-url", url, "--output", "json"],
                           capture_output=True, text=True, env=env, timeout=120)
        return r.returncode, r.stdout, r.stderr

    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as f:
        f.write(definition("api", "greet"))
        path = f.name
    state = {}

    def create():
        code, out, err = aws("create-state-machine", "--name", "cli-greeter", "--role-arn", ROLE, "--definition", "file://" + path)
        expect(code == 0, err)
        state["sm"] = json.loads(out)["stateMachineArn"]
    check("aws create-state-machine", create)

    def start():
        code, out, err = aws("start-execution", "--state-machine-arn", state["sm"], "--name", "cli-1", "--input", '{"who":"cli"}')
        expect(code == 0, err)
        arn = json.loads(out)["executionArn"]
        deadline = time.time() + 60
        while True:
            code, out, err = aws("describe-execution", "--execution-arn", arn)
            d = json.loads(out)
            if d["status"] != "RUNNING" or time.time() > deadline:
                break
            time.sleep(0.1)
        expect(d["status"] == "SUCCEEDED" and json.loads(d["output"]) == {"greeting": "Hello, cli!"}, d)
        state["exec"] = arn
    check("aws start-execution + describe-execution", start)

    def history():
        code, out, err = aws("get-execution-history", "--execution-arn", state["exec"], "--reverse-order")
        expect(code == 0, err)
        expect(json.loads(out)["events"][0]["type"] == "ExecutionSucceeded", out)
    check("aws get-execution-history --reverse-order", history)
    # No redrive-execution here: the Debian package's AWS CLI (2.9.19) predates RedriveExecution; boto3 checks it.

    def listed():
        code, out, err = aws("list-state-machines")
        expect(code == 0 and any(m["name"] == "cli-greeter" for m in json.loads(out)["stateMachines"]), out + err)
    check("aws list-state-machines", listed)

    def error():
        code, out, err = aws("describe-state-machine", "--state-machine-arn", "arn:aws:states:us-east-1:123456789012:stateMachine:none")
        expect(code != 0 and "StateMachineDoesNotExist" in err, err)
    check("aws error: StateMachineDoesNotExist", error)
    os.unlink(path)


def free_port():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_azurite():
    """Azurite (in-memory persistence) on free loopback ports; returns the process and a connection string."""
    import socket
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    azurite = os.environ.get("AZURITE_PATH") or os.path.join(root, ".ci", "node_modules", ".bin", "azurite")
    if not os.path.exists(azurite):
        return None, None
    blob, queue, table = free_port(), free_port(), free_port()
    proc = subprocess.Popen([azurite, "--silent", "--inMemoryPersistence", "--skipApiVersionCheck",
                             "--blobHost", "127.0.0.1", "--blobPort", str(blob), "--queueHost", "127.0.0.1",
                             "--queuePort", str(queue), "--tableHost", "127.0.0.1", "--tablePort", str(table)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 60
    for port in (blob, queue, table):
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.time() > deadline or proc.poll() is not None:
                    proc.kill()
                    raise RuntimeError("Azurite did not start")
                time.sleep(0.1)
    key = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
    conn = (f"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={key};"
            f"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;"
            f"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;")
    return proc, conn


def restart_workflow(asl, env):
    """`asl serve --storage`: what one server created and ran, the next one on the same storage still answers for."""
    import boto3
    azurite, conn = start_azurite()
    if azurite is None:
        print("-- asl serve --storage restart: Azurite not installed, skipped")
        return
    extra = ["--storage", conn, "--task-hub", "restart" + str(os.getpid())]
    server = None
    try:
        server, url = start_server(asl, env, extra)
        print(f"-- boto3 against {url} (--storage, first server)")
        sfn = boto3.client("stepfunctions", endpoint_url=url, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
        definition = json.dumps({"StartAt": "P", "States": {"P": {"Type": "Pass", "Result": {"ok": True}, "End": True}}})
        arn = sfn.create_state_machine(name="kept", definition=definition, roleArn=ROLE)["stateMachineArn"]
        execution = sfn.start_execution(stateMachineArn=arn, name="run-1", input="{}")["executionArn"]
        wait_done(sfn, execution)
        before = sfn.get_execution_history(executionArn=execution)["events"]
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=60)
        server, url = start_server(asl, env, extra)
        print(f"-- boto3 against {url} (--storage, second server)")
        sfn = boto3.client("stepfunctions", endpoint_url=url, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
        check("restart: DescribeStateMachine", lambda: expect(
            sfn.describe_state_machine(stateMachineArn=arn)["definition"] == definition, "definition changed"))
        check("restart: DescribeExecution", lambda: expect(
            sfn.describe_execution(executionArn=execution)["output"] == '{"ok":true}', "output changed"))
        check("restart: GetExecutionHistory", lambda: expect(
            sfn.get_execution_history(executionArn=execution)["events"] == before, "history changed"))
        check("restart: ListExecutions", lambda: expect(
            [e["executionArn"] for e in sfn.list_executions(stateMachineArn=arn)["executions"]] == [execution], "list changed"))
    finally:
        if server is not None and server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=60)
            except subprocess.TimeoutExpired:
                server.kill()
        azurite.kill()
        azurite.wait()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--asl", required=True, help="path of asl.dll")
    parser.add_argument("--counts", default=None, help='file to write "<passed> <failed>" to')
    args = parser.parse_args()
    env = dict(os.environ, AWS_ACCESS_KEY_ID="test", AWS_SECRET_ACCESS_KEY="test", AWS_DEFAULT_REGION="us-east-1",
               AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               AWS_PAGER="")
    global failed
    proc = None
    items = tempfile.mkdtemp(prefix="asl-items-")
    try:
        proc, url = start_server(args.asl, env, ("--items-folder", items))
        print(f"-- boto3 against {url}")
        boto3_workflow(url, items)
        if AWS_CLI:
            version = subprocess.run([AWS_CLI, "--version"], capture_output=True, text=True, env=env).stdout.strip()
            print(f"-- AWS CLI ({version}) against {url}")
            cli_workflow(url, env)
        else:
            print("-- AWS CLI: not on PATH, skipped")

        def clean_stop():
            proc.send_signal(signal.SIGTERM)
            code = proc.wait(timeout=30)
            expect(code == 0, f"exit code {code}")
        check("asl serve stops cleanly on SIGTERM", clean_stop)
        restart_workflow(args.asl, env)
    except Exception as e:
        failed += 1
        print(f"  FAIL  {type(e).__name__}: {e}")
    finally:
        if proc is not None and proc.poll() is None:
            proc.kill()
        shutil.rmtree(items, ignore_errors=True)
    print(f"api clients: {passed} passed, {failed} failed")
    if args.counts:
        with open(args.counts, "w", encoding="utf-8") as f:
            f.write(f"{passed} {failed}\n")
    return 0 if failed == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
