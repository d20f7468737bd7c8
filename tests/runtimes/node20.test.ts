import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('node20', await loadContractNames())
