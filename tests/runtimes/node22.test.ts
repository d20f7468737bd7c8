import { describeRuntime, loadContractNames } from './matrix'

describeRuntime('node22', await loadContractNames())
