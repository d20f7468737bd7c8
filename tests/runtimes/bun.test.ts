import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('bun', await loadContractNames())
