import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('deno', await loadContractNames())
